package io.leakwatch.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What is known about one kind of memory outside the heap, or one native memory category: its series, its trend,
 * and its own verdict with the findings it rests on. {@link Analysis#verdict()} is {@code LEAK} when any kind's is.
 *
 * @param kind                what it is about
 * @param series              which series: {@code metaspace}, {@code threads}, {@code direct memory}, or the Native
 *                            Memory Tracking category ({@code Other}, {@code Code}, ...)
 * @param recorded            whether the recording holds the events this kind needs; when not, {@code note} says
 *                            what to enable, and the kind has no say in the verdict
 * @param note                what the kind needs or what its series leaves out, or empty
 * @param verdict             the kind's own verdict
 * @param findings            its reasons, the decisive one first ({@link Finding#kind()} is this kind)
 * @param reason              its verdict in words, rendered from {@code findings} (empty when not recorded)
 * @param growthSuspected     whether its series rises enough to look closer (the live monitor records the stacks
 *                            that name the code, and takes heap inspections for kinds that collections measure)
 * @param projectedExhaustion the time until its maximum at the rate it grows now, or null when it does not grow or
 *                            has no known maximum
 * @param maxValue            its maximum ({@code MaxMetaspaceSize}, {@code MaxDirectMemorySize}), or 0 when none
 *                            is known
 * @param points              its measurements (for class metadata and direct memory: the values after collections
 *                            that free what is dead; else every sample), thinned on long runs
 * @param samples             every value sampled, an upper bound of the measurements where they differ, thinned
 * @param trend               the trend of the measurements the verdict rests on, or null with fewer than three
 */
public record KindReport(LeakKind kind, String series, boolean recorded, String note, Verdict verdict,
                         List<Finding> findings, String reason, boolean growthSuspected, Duration projectedExhaustion, long maxValue,
                         List<SeriesPoint> points, List<SeriesPoint> samples, SeriesTrend trend) {

    public KindReport {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(verdict, "verdict");
        note = note == null ? "" : note;
        findings = List.copyOf(findings);
        reason = reason == null ? "" : reason;
        points = List.copyOf(points);
        samples = List.copyOf(samples);
    }

    /** The kind and series for people: {@code threads}, {@code native memory (Other)}. */
    public String displayName() {
        return kind == LeakKind.NATIVE_MEMORY && !series.isEmpty() ? kind.displayName() + " (" + series + ")"
                : kind.displayName();
    }
}
