package io.leakwatch.core;

import io.leakwatch.core.internal.LevelHistory;
import io.leakwatch.core.internal.TrendWindow;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What is known about the live set: its measurements, the heap left after every collection, and their trends.
 *
 * @param points        live-set measurements over the whole run (thinned on long runs)
 * @param afterGc       heap in use after every collection, an upper bound of the live set (thinned on long runs,
 *                      keeping the lowest value of each merged pair)
 * @param trend         the live-set trend after warm-up, or null with too few measurements
 * @param trendSources  which kinds of measurement the trend rests on (the most exact kind with enough points)
 * @param afterGcTrend  the trend of the heap after every collection after warm-up, or null
 * @param maxHeapBytes  the most the heap may grow to, or 0 when unknown
 * @param trendWindows  the points {@code trend} rests on, then their later half, quarter, ..., each with its
 *                      trend and what a rise must clear (empty without a trend)
 * @param afterGcTrendWindows the same for {@code afterGcTrend}
 * @param levels        the levels of the points {@code trend} rests on
 * @param afterGcLevels the levels of the points {@code afterGcTrend} rests on
 */
public record LiveSetReport(List<LiveSetPoint> points, List<HeapPoint> afterGc, Trend trend,
                            Set<LiveSetPoint.Source> trendSources, Trend afterGcTrend, long maxHeapBytes,
                            List<TrendWindow> trendWindows, List<TrendWindow> afterGcTrendWindows,
                            LevelHistory levels, LevelHistory afterGcLevels) {

    public LiveSetReport {
        points = List.copyOf(points);
        afterGc = List.copyOf(afterGc);
        trendSources = Set.copyOf(trendSources);
        trendWindows = List.copyOf(trendWindows);
        afterGcTrendWindows = List.copyOf(afterGcTrendWindows);
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(afterGcLevels, "afterGcLevels");
    }

    /** This report with another live-set trend: the one of recent points that a verdict rests on. */
    public LiveSetReport withTrend(Trend basis) {
        return new LiveSetReport(points, afterGc, basis, trendSources, afterGcTrend, maxHeapBytes, trendWindows,
                afterGcTrendWindows, levels, afterGcLevels);
    }
}
