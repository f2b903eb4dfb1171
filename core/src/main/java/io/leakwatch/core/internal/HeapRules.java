package io.leakwatch.core.internal;

import io.leakwatch.core.Finding;
import io.leakwatch.core.Rule;
import io.leakwatch.core.SeriesPoint;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What the heap as a whole says: whether it is exhausted, and what the heap left after every collection, an upper
 * bound of the live set, says about growth when the live set itself is seldom measured. The same rules hold for a
 * kind outside the heap whose measurements need collections (metaspace after class unloading, direct memory after
 * dead buffers are freed): its every sample bounds them from above, as the heap after any collection bounds the live
 * set.
 */
final class HeapRules {
    private HeapRules() {
    }

    /**
     * {@link Rule#HEAP_EXHAUSTED} when the latest {@link Thresholds#EXHAUSTED_MEASUREMENTS} measurements of the live
     * set (warm-up included: a heap that fills within it is still full) all leave the heap above
     * {@link Thresholds#FULL_HEAP_SHARE} of its maximum, or null.
     */
    static Finding exhausted(LiveSetSeries series) {
        return exhausted(RuleSet.HEAP, series.measured().stream().map(p -> new SeriesPoint(p.time(), p.bytes()))
                .toList(), series.maxHeapBytes());
    }

    /**
     * {@link RuleSet#exhausted()} when the latest {@link Thresholds#EXHAUSTED_MEASUREMENTS} measurements (warm-up
     * included) all stand above {@link Thresholds#FULL_HEAP_SHARE} of {@code max}, or null.
     */
    static Finding exhausted(RuleSet rules, List<SeriesPoint> measured, long max) {
        int k = Thresholds.EXHAUSTED_MEASUREMENTS;
        if (max <= 0 || measured.size() < k) {
            return null;
        }
        double lowest = Double.POSITIVE_INFINITY;
        for (SeriesPoint point : measured.subList(measured.size() - k, measured.size())) {
            lowest = Math.min(lowest, point.value());
        }
        if (lowest < Thresholds.FULL_HEAP_SHARE * max) {
            return null;
        }
        return rules.finding(rules.exhausted()).with(rules.unit("latestLevel%s"), lowest).with(rules.maxName(), max)
                .with("measurements", k).against(rules.unit("latestLevel%s"), Thresholds.FULL_HEAP_SHARE * max);
    }

    /**
     * {@link Rule#HEAP_BOUNDS_GROWTH} when the heap after collections bounds the live set's growth below the slowest
     * growth that matters, over at least the minimum observation, or null. Two bounds count:
     * <ul>
     *   <li>a band: every after-GC value after warm-up stays within less than material growth (over at least
     *       {@code 2 × MIN_POINTS_FOR_NO_LEAK} collections), and that band over the span is slower than what
     *       matters;</li>
     *   <li>a measured start and a bounded end: the live set measured exactly at L₀, and later the heap after a collection at H, which the live set cannot exceed, bound
     *       its average growth by (H − L₀) / Δt.</li>
     * </ul>
     */
    static Finding boundsGrowth(DecisionBasis basis) {
        if (basis.heapFull()) {
            return null;
        }
        List<SeriesPoint> envelope = basis.envelopePoints();
        double minSeconds = basis.minObservation().toNanos() / 1e9;
        RuleSet rules = basis.rules();
        if (envelope.size() >= 2 * Thresholds.MIN_POINTS_FOR_NO_LEAK) {
            double spanSeconds = seconds(envelope.get(0).time(), envelope.get(envelope.size() - 1).time());
            long low = envelope.stream().mapToLong(SeriesPoint::value).min().orElse(0);
            long high = envelope.stream().mapToLong(SeriesPoint::value).max().orElse(0);
            if (spanSeconds >= minSeconds && high - low < basis.materialBytes()
                    && (high - low) / spanSeconds < basis.slowestGrowthBytesPerSecond()) {
                return rules.finding(rules.samplesBoundGrowth()).with(rules.unit("lowest%s"), low)
                        .with(rules.unit("highest%s"), high)
                        .with(rules.samplesName(), envelope.size()).with("spanSeconds", spanSeconds)
                        .with(rules.unit("bound%sPerSecond"), (high - low) / spanSeconds)
                        .against(rules.unit("highest%s"), low + basis.materialBytes())
                        .against(rules.unit("bound%sPerSecond"), basis.slowestGrowthBytesPerSecond())
                        .against("spanSeconds", minSeconds);
            }
        }
        return measuredStartBound(basis, minSeconds);
    }

    /**
     * The bound from measured starts: for every exact live-set measurement L₀ (one that does not overstate it, see
     * {@link DecisionBasis#exactPoints()}) at least the minimum observation ago, the lowest heap after a collection
     * in the last quarter of the time since, H, bounds the average growth since L₀ by (H − L₀) / Δt. Every start must give a bound below the slowest growth that matters, the latest starts too, so
     * that a leak that began lately is not averaged away by the flat hours before it.
     */
    private static Finding measuredStartBound(DecisionBasis basis, double minSeconds) {
        List<SeriesPoint> measured = basis.exactPoints();
        List<SeriesPoint> afterGc = basis.envelopePoints();
        if (measured.isEmpty() || afterGc.isEmpty()) {
            return null;
        }
        RuleSet rules = basis.rules();
        Instant latest = afterGc.get(afterGc.size() - 1).time();
        Finding loosest = null;
        double loosestBound = Double.NEGATIVE_INFINITY;
        for (SeriesPoint start : measured) {
            double sinceSeconds = seconds(start.time(), latest);
            if (sinceSeconds < minSeconds) {
                continue;
            }
            Instant lastQuarter = latest.minus(Duration.between(start.time(), latest).dividedBy(4));
            SeriesPoint end = afterGc.stream().filter(p -> !p.time().isBefore(lastQuarter))
                    .min(Comparator.comparingLong(SeriesPoint::value)).orElse(null);
            if (end == null) {
                continue;
            }
            double spanSeconds = seconds(start.time(), end.time());
            double bound = (end.value() - start.value()) / spanSeconds;
            if (bound > loosestBound) {
                loosestBound = bound;
                loosest = rules.finding(rules.samplesBoundGrowth()).with(rules.unit("lowest%s"), start.value())
                        .with(rules.unit("highest%s"), end.value()).with("spanSeconds", spanSeconds)
                        .with(rules.unit("bound%sPerSecond"), bound)
                        .against(rules.unit("bound%sPerSecond"), basis.slowestGrowthBytesPerSecond())
                        .against("spanSeconds", minSeconds);
            }
        }
        return loosestBound < basis.slowestGrowthBytesPerSecond() ? loosest : null;
    }

    /** {@link Rule#HEAP_AFTER_GC_RISES} when the heap after collections rises by material growth, or null. */
    static Finding afterGcRises(DecisionBasis basis) {
        SlopeFit envelope = basis.envelope();
        if (envelope == null || envelope.slopeBytesPerSecond() <= 0 || envelope.growthBytes() < basis.materialBytes()) {
            return null;
        }
        double evidence = envelope.logBayesFactor(Thresholds.PRIOR_SCALES_PER_SECOND);
        if (evidence < Thresholds.SUSPICION_LOG_BAYES_FACTOR) {
            return null;
        }
        RuleSet rules = basis.rules();
        return rules.finding(rules.samplesRise()).with(rules.unit("slope%sPerSecond"), envelope.slopeBytesPerSecond())
                .with(rules.samplesName(), envelope.points()).with("spanSeconds", envelope.spanSeconds())
                .with(rules.measurementsName(), basis.trendPoints().size()).with("logBayesFactor", evidence)
                .against("logBayesFactor", Thresholds.SUSPICION_LOG_BAYES_FACTOR)
                .against(rules.unit("growth%s"), basis.materialBytes());
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
