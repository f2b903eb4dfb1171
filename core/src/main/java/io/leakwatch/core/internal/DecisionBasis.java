package io.leakwatch.core.internal;

import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.core.HeapPoint;
import io.leakwatch.core.LiveSetPoint;

import java.time.Duration;
import java.util.List;

/**
 * What every rule of the decision reads: the live-set series and the fits of its windows, the heap after
 * collections, and the settings turned into numbers for this heap.
 *
 * @param series              the measurements
 * @param windows             fits of the trend points: all of them, then the later half, quarter, ...
 * @param envelope            the fit of the heap after collections after warm-up, or null with fewer than 3
 * @param materialBytes       the least growth that counts (4 MiB or 1% of the heap by default)
 * @param slowestGrowthBytesPerSecond the slowest growth that matters: material growth within
 *                            {@link Thresholds#MATERIAL_HORIZON}, or exhausting the free heap within the exhaustion
 *                            horizon, whichever is faster
 * @param logEvidenceForGrowth ln(1/α): the log Bayes factor growth needs
 * @param confidence          1 − β: the level of the upper bound that rules out growth
 * @param minObservation      the shortest span a {@code NO_LEAK} rests on
 * @param latestLevelBytes    where the trend points stand now (the median of the last three), or NaN without any
 */
record DecisionBasis(LiveSetSeries series, List<TrendWindow> windows, SlopeFit envelope, double materialBytes,
                     double slowestGrowthBytesPerSecond, double logEvidenceForGrowth, double confidence,
                     Duration minObservation, double latestLevelBytes) {

    static DecisionBasis of(LiveSetSeries series, AnalyzerConfig config) {
        List<TrendWindow> windows = TrendWindow.of(series.trendPoints(), LiveSetPoint::time, LiveSetPoint::bytes);
        SlopeFit envelope = SlopeFit.of(series.envelope(), HeapPoint::time, HeapPoint::bytes);
        long max = series.maxHeapBytes();
        double material = config.materialGrowthBytes(max);
        double latest = windows.isEmpty() ? Double.NaN : windows.get(0).latestLevelBytes();
        double slowest = material / Thresholds.MATERIAL_HORIZON.toSeconds();
        if (max > 0 && !Double.isNaN(latest)) {
            slowest = Math.max(slowest, (max - latest) / config.exhaustionHorizon().toSeconds());
        }
        return new DecisionBasis(series, windows, envelope, material, slowest, Math.log(1 / config.falseAlarmRate()),
                1 - config.missRate(), config.minObservation(), latest);
    }

    /** Whether the live set fills the heap: it has not levelled off then, it has run out of room. */
    boolean heapFull() {
        return series.maxHeapBytes() > 0 && latestLevelBytes >= Thresholds.FULL_HEAP_SHARE * series.maxHeapBytes();
    }

    List<LiveSetPoint> trendPoints() {
        return series.trendPoints();
    }
}
