package io.leakwatch.core.internal;

import io.leakwatch.core.ClassHistogram;
import io.leakwatch.core.GcKind;
import io.leakwatch.core.HeapPoint;
import io.leakwatch.core.LiveSetPoint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

/**
 * Estimates the live set without being fooled by promoted garbage.
 *
 * <p>Heap in use after a young collection still holds every dead object that was promoted, so it only bounds the
 * live set from above (a bounded cache or a batch job can push it up for minutes without leaking). Only the heap
 * after a collection that frees the old generation, the lowest heap of a run of G1 mixed collections, or the total
 * of a class histogram taken after a full collection, count as live-set points. Not thread-safe.
 */
final class LiveSetTracker {
    /** Two measurements closer than this describe the same moment, such as a heap inspection and its full GC. */
    private static final Duration SAME_MOMENT = Duration.ofSeconds(5);
    private static final int SERIES_CAPACITY = 512;
    /**
     * Trends are fitted on at most this many points: Theil–Sen is O(n²), and every window is refitted at every
     * analysis (once a second live), so a series longer than this (up to 512 points, 131k pairs) is thinned
     * further for fitting, keeping the lowest point of each group, as the series itself does.
     */
    static final int MAX_TREND_POINTS = 128;
    /**
     * Fewest points of a family whose slope's precision is compared: about what the sequential test needs to decide,
     * so that a short series of clean inspections does not displace one that has gathered its evidence already
     * (with four, four inspections took over twelve ZGC cycles of a leak and undid its LEAK at 88 s).
     */
    static final int MIN_POINTS_FOR_PRECISION = 6;
    /**
     * Fewest points of a family besides the chosen one that the growth test is run on: three leave one degree of
     * freedom for the noise, and their evidence stays weak however exact (11:1 for the first three inspections of a
     * leak of 43 MB/min, each within 0.2 MB of the line), so testing them would mostly share out α for nothing.
     */
    static final int MIN_POINTS_TO_TEST = 4;
    /** The cause HotSpot gives the full collection of a class histogram ({@code GCCause::_heap_inspection}). */
    static final String HEAP_INSPECTION_CAUSE = "Heap Inspection Initiated GC";
    /** A family whose newest point lags the newest measurement by more of its own spacings has stopped. */
    private static final long CURRENT_SPACINGS = 3;
    /**
     * Live-set measurements of different kinds measure it differently (ZGC's "after" includes allocation during
     * the cycle; a histogram total excludes fragmentation), so one trend never mixes families.
     */
    private static final List<Set<LiveSetPoint.Source>> SOURCE_FAMILIES = List.of(
            EnumSet.of(LiveSetPoint.Source.FULL_GC, LiveSetPoint.Source.HEAP_INSPECTION),
            EnumSet.of(LiveSetPoint.Source.OLD_GC),
            EnumSet.of(LiveSetPoint.Source.MIXED_PHASE));

    private final WarmUpClock warmUp;
    private final ThinnedSeries<LiveSetPoint> points = new ThinnedSeries<>(SERIES_CAPACITY,
            (a, b) -> a.bytes() <= b.bytes() ? a : b, LiveSetPoint::time);
    private final ThinnedSeries<HeapPoint> afterGc = new ThinnedSeries<>(SERIES_CAPACITY,
            (a, b) -> a.bytes() <= b.bytes() ? a : b, HeapPoint::time);
    private long maxHeapBytes;
    private HeapPoint mixedPhaseLowest;
    /** When the latest full collection no heap inspection asked for ended, or null: kept apart from thinning. */
    private Instant latestOwnFullCollection;
    /** Live-set measurements added so far: a new one is what the sequential test is run again for. */
    private long measurements;

    /** @param warmUp points within the warm-up are left out of trends (start-up fills caches) */
    LiveSetTracker(WarmUpClock warmUp) {
        this.warmUp = warmUp;
    }

    /** Adds a completed collection. */
    void record(GcCycle cycle) {
        Instant end = cycle.end();
        warmUp.noteTime(cycle.event().start());
        if (cycle.maxBytes() > 0) {
            maxHeapBytes = cycle.maxBytes();
        }
        if (cycle.usedAfterBytes() < 0) {
            return; // no heap summary: nothing to say about the heap
        }
        warmUp.noteAfterGc(end, cycle.usedAfterBytes(), maxHeapBytes);
        afterGc.add(new HeapPoint(end, cycle.usedAfterBytes()));
        GcKind kind = cycle.event().kind();
        if (kind == GcKind.MIXED) {
            if (mixedPhaseLowest == null || cycle.usedAfterBytes() <= mixedPhaseLowest.bytes()) {
                mixedPhaseLowest = new HeapPoint(end, cycle.usedAfterBytes());
            }
            return;
        }
        if (kind != GcKind.CONCURRENT_CYCLE) {
            closeMixedPhase();
        }
        if (kind == GcKind.FULL) {
            add(new LiveSetPoint(end, cycle.usedAfterBytes(), LiveSetPoint.Source.FULL_GC));
            if (!HEAP_INSPECTION_CAUSE.equals(cycle.event().cause())
                    && (latestOwnFullCollection == null || end.isAfter(latestOwnFullCollection))) {
                latestOwnFullCollection = end;
            }
        } else if (kind == GcKind.OLD) {
            add(new LiveSetPoint(end, cycle.usedAfterBytes(), LiveSetPoint.Source.OLD_GC));
        }
    }

    /** Adds the total of a heap inspection when it counted live objects only. */
    void record(ClassHistogram histogram) {
        warmUp.noteTime(histogram.time());
        if (histogram.afterFullGc()) {
            add(new LiveSetPoint(histogram.time(), histogram.totalBytes(), LiveSetPoint.Source.HEAP_INSPECTION));
        }
    }

    /**
     * When the latest full collection ended that no heap inspection asked for (the collector's own, or the
     * application's {@code System.gc()}), or null when there was none.
     */
    Instant latestOwnFullCollection() {
        return latestOwnFullCollection;
    }

    /** How many live-set measurements were added so far (a phase still running not counted). */
    long measurements() {
        return measurements;
    }

    private void add(LiveSetPoint point) {
        points.add(point);
        measurements++;
    }

    /** The series as of now. */
    LiveSetSeries series() {
        List<LiveSetPoint> all = new ArrayList<>(points.points());
        if (mixedPhaseLowest != null) {
            // A phase still running: its lowest point so far is already an upper bound of the live set.
            all.add(new LiveSetPoint(mixedPhaseLowest.time(), mixedPhaseLowest.bytes(),
                    LiveSetPoint.Source.MIXED_PHASE));
        }
        all.sort(Comparator.comparing(LiveSetPoint::time));
        Instant trendStart = warmUp.end();
        List<LiveSetPoint> measured = withoutRepeats(all);
        List<LiveSetPoint> afterWarmUp = measured.stream().filter(point -> !point.time().isBefore(trendStart))
                .toList();

        // The family that measures the slope most precisely wins (the least standard error of its slope), among
        // those with enough points to estimate their own noise; on a tie (or without such a family) the one with
        // more points, then the more exact one. Under generational ZGC, 20 major-cycle readings (each including what
        // was allocated during the cycle, ±3 MB) outnumbered 10 heap inspections (±0.3 MB) of the same leak, and a
        // count rule kept it INCONCLUSIVE at evidence 20:1 for three minutes. Choosing by precision favours the family
        // whose noise came out low, and the estimated noise enters the evidence. A few fresh inspections over seconds
        // do not displace a longer series: their span is short, so their slope is imprecise. A family that stopped
        // while another went on measuring is not compared: what it says precisely is no longer the present.
        //
        // The growth test is run on the chosen family and on every other that has the points a test needs and still
        // measures (GrowthRule.inFamilyThatGrows): under generational ZGC five heap inspections over 51 s of a leak
        // of 43 MB/min stood within 0.4 MB of their line (evidence 3,194:1) while the chosen major-cycle readings,
        // scattered one-sidedly by what each cycle allocated, rose and fell between 12:1 and 717:1 until 99 s.
        // So the k families tested share α (Bonferroni: each is held to α/k). k is taken at each analysis, as the
        // families are, and counts the chosen family even when it has too few points to pass: a family tested while
        // it was alone kept the whole α then, so over a run the bound is 1.83α when the families join one by one
        // and stay, 3α at worst (docs/ARCHITECTURE.md, "Every family is tested for growth").
        Set<LiveSetPoint.Source> sources = Set.of();
        List<LiveSetPoint> chosen = List.of();
        double chosenError = Double.POSITIVE_INFINITY;
        List<LiveSetSeries.Family> families = new ArrayList<>();
        for (Set<LiveSetPoint.Source> family : SOURCE_FAMILIES) {
            List<LiveSetPoint> candidates = lowestOfGroups(afterWarmUp.stream()
                    .filter(p -> family.contains(p.source())).toList(), MAX_TREND_POINTS, LiveSetPoint::bytes);
            if (candidates.isEmpty()) {
                continue;
            }
            boolean tested = candidates.size() >= MIN_POINTS_TO_TEST && current(candidates, afterWarmUp);
            families.add(new LiveSetSeries.Family(family, candidates, tested));
            boolean choosable = tested && candidates.size() >= MIN_POINTS_FOR_PRECISION;
            SlopeFit fit = choosable ? SlopeFit.of(candidates, LiveSetPoint::time, LiveSetPoint::bytes) : null;
            double error = fit == null ? Double.POSITIVE_INFINITY : fit.slopeStandardError();
            if (error < chosenError || error == chosenError && candidates.size() > chosen.size()) {
                sources = family;
                chosen = candidates;
                chosenError = error;
            }
        }
        Set<LiveSetPoint.Source> chosenSources = sources;
        List<LiveSetSeries.Family> others = families.stream()
                .filter(family -> !family.sources().equals(chosenSources)).toList();
        int choices = 1 + (int) others.stream().filter(LiveSetSeries.Family::tested).count();
        List<HeapPoint> envelope = lowestOfGroups(afterGc.pointsSince(trendStart), MAX_TREND_POINTS, HeapPoint::bytes);
        return new LiveSetSeries(all, measured, afterGc.points(), chosen, sources, others, choices, envelope,
                maxHeapBytes);
    }

    /**
     * Whether a family still measures: its newest point is within {@value #CURRENT_SPACINGS} of its own median
     * spacings of the newest measurement of any family.
     */
    private static boolean current(List<LiveSetPoint> family, List<LiveSetPoint> all) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < family.size(); i++) {
            gaps.add(Duration.between(family.get(i - 1).time(), family.get(i).time()).toNanos());
        }
        Collections.sort(gaps);
        long spacing = gaps.get(gaps.size() / 2);
        Instant newest = all.get(all.size() - 1).time();
        return Duration.between(family.get(family.size() - 1).time(), newest).toNanos() <= CURRENT_SPACINGS * spacing;
    }

    /** At most {@code limit} points: consecutive groups of equal size, each represented by its lowest point. */
    static <T> List<T> lowestOfGroups(List<T> points, int limit, ToLongFunction<T> bytes) {
        if (points.size() <= limit) {
            return points;
        }
        int group = (points.size() + limit - 1) / limit;
        List<T> result = new ArrayList<>();
        for (int start = 0; start < points.size(); start += group) {
            T lowest = points.get(start);
            for (int i = start + 1; i < Math.min(points.size(), start + group); i++) {
                if (bytes.applyAsLong(points.get(i)) < bytes.applyAsLong(lowest)) {
                    lowest = points.get(i);
                }
            }
            result.add(lowest);
        }
        return result;
    }

    private void closeMixedPhase() {
        if (mixedPhaseLowest != null) {
            add(new LiveSetPoint(mixedPhaseLowest.time(), mixedPhaseLowest.bytes(), LiveSetPoint.Source.MIXED_PHASE));
            mixedPhaseLowest = null;
        }
    }

    /**
     * Drops a heap-inspection total measured at the same moment as a full collection (the inspection's own GC): the
     * two measure the same live set in slightly different ways, and counting both would weigh that moment twice.
     */
    private static List<LiveSetPoint> withoutRepeats(List<LiveSetPoint> sorted) {
        TreeSet<Instant> fullCollections = new TreeSet<>();
        for (LiveSetPoint point : sorted) {
            if (point.source() == LiveSetPoint.Source.FULL_GC) {
                fullCollections.add(point.time());
            }
        }
        List<LiveSetPoint> result = new ArrayList<>();
        for (LiveSetPoint point : sorted) {
            boolean repeat = point.source() == LiveSetPoint.Source.HEAP_INSPECTION && !fullCollections.subSet(
                    point.time().minus(SAME_MOMENT), true, point.time().plus(SAME_MOMENT), true).isEmpty();
            if (!repeat) {
                result.add(point);
            }
        }
        return result;
    }
}
