package io.leakwatch.core;


import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a leak analysis at one moment: the verdict with its reason, the statistics behind it, and the
 * ranked leak candidates. Immutable, safe to share between threads.
 *
 * @param verdict         the verdict
 * @param reason          why, in words and numbers
 * @param nextStep        what would settle or confirm it (empty when nothing is needed)
 * @param findings        the verdict's reasons in numbers, the decisive one first; {@code reason} and {@code nextStep}
 *                        are rendered from them
 * @param growthSuspected whether the cheap signals suggest growth that a heap inspection should check (of the live
 *                        set, or of a kind that collections measure: class metadata, direct memory)
 * @param projectedExhaustion the soonest the heap, metaspace or direct memory would be exhausted at the rate it grows
 *                        now, or null when none grows (or its maximum is unknown); the live monitor probes sooner the
 *                        nearer it is
 * @param from            the earliest event time analysed, or null when there were none
 * @param to              the latest event time analysed, or null
 * @param counts          how much evidence there was
 * @param gc              GC statistics per window (1 and 10 minutes by default, then {@code run})
 * @param liveSet         the live-set measurements and trends
 * @param typeGrowth      types that grew between heap inspections, fastest first
 * @param sites           allocation sites of old-object samples, most live samples first
 * @param candidates      ranked leak candidates, most likely first, of every kind that leaks (the heap's first when
 *                        it leaks); empty for {@link Verdict#NO_LEAK}
 * @param coverage        which kinds of evidence there were, and what could not be seen
 * @param gcTimeline      the run's collections in time order, each kind thinned to a bounded series (a point may
 *                        stand for several collections, shown by the longest pause): the GC chart's data
 * @param kinds           the kinds outside the heap: class metadata, threads, direct memory, and each native memory
 *                        category, each with its series and its own verdict
 */
public record Analysis(Verdict verdict, String reason, String nextStep, List<Finding> findings,
                       boolean growthSuspected, Duration projectedExhaustion, Instant from, Instant to,
                       EventCounts counts, List<GcWindowStatistics> gc, LiveSetReport liveSet,
                       List<TypeGrowth> typeGrowth, List<SiteSummary> sites, List<LeakCandidate> candidates,
                       Coverage coverage, List<GcPoint> gcTimeline, List<KindReport> kinds) {

    public Analysis {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        nextStep = nextStep == null ? "" : nextStep;
        findings = List.copyOf(findings);
        gc = List.copyOf(gc);
        typeGrowth = List.copyOf(typeGrowth);
        sites = List.copyOf(sites);
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(coverage, "coverage");
        gcTimeline = List.copyOf(gcTimeline);
        kinds = List.copyOf(kinds);
    }

    /** An analysis of the heap alone, without a GC timeline (one that did not keep the collections, or had none). */
    public Analysis(Verdict verdict, String reason, String nextStep, List<Finding> findings,
                    boolean growthSuspected, Duration projectedExhaustion, Instant from, Instant to,
                    EventCounts counts, List<GcWindowStatistics> gc, LiveSetReport liveSet,
                    List<TypeGrowth> typeGrowth, List<SiteSummary> sites, List<LeakCandidate> candidates,
                    Coverage coverage) {
        this(verdict, reason, nextStep, findings, growthSuspected, projectedExhaustion, from, to, counts, gc, liveSet,
                typeGrowth, sites, candidates, coverage, List.of(), List.of());
    }

    /** The finding of a rule, if the verdict's reasons include one. */
    public Optional<Finding> finding(Rule rule) {
        return findings.stream().filter(finding -> finding.rule() == rule).findFirst();
    }

    /** The report of a kind's series ({@code series} as in {@link KindReport#series()}), if there is one. */
    public Optional<KindReport> kind(LeakKind kind, String series) {
        return kinds.stream().filter(k -> k.kind() == kind && k.series().equals(series)).findFirst();
    }

    /** The most likely candidate of a kind, or null. */
    public LeakCandidate topCandidate(LeakKind kind) {
        return candidates.stream().filter(c -> c.kind() == kind).findFirst().orElse(null);
    }

    /** The most likely candidate, or null. */
    public LeakCandidate topCandidate() {
        return candidates.isEmpty() ? null : candidates.get(0);
    }
}
