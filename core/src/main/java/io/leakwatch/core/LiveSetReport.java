package io.leakwatch.core;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What is known about the live set: its measurements, the heap left after every collection, and their trends.
 *
 * @param points        live-set measurements over the whole run (thinned on long runs)
 * @param afterGc       heap in use after every collection, an upper bound of the live set (thinned on long runs,
 *                      keeping the lowest value of each merged pair)
 * @param trend         the live-set trend the verdict rests on (of all measurements after warm-up, or of the
 *                      latest of them when a leak shows only there), or null with too few measurements
 * @param trendSources  which kinds of measurement the trend rests on (the kind that measures the slope most
 *                      precisely, among those with enough points that still measure; or another kind whose own
 *                      measurements show the growth)
 * @param afterGcTrend  the trend of the heap after every collection after warm-up, or null
 * @param maxHeapBytes  the most the heap may grow to, or 0 when unknown
 * @param growthSuspected whether the heap's own signals (the live set, the heap after collections) rise enough to
 *                      look closer; {@link Analysis#growthSuspected()} also counts the kinds outside the heap
 * @param latestFullCollection when the latest full collection that no heap inspection asked for ended (the
 *                      collector's own, or the application's {@code System.gc()}), or null when there was none
 */
public record LiveSetReport(List<LiveSetPoint> points, List<HeapPoint> afterGc, Trend trend,
                            Set<LiveSetPoint.Source> trendSources, Trend afterGcTrend, long maxHeapBytes,
                            boolean growthSuspected, Instant latestFullCollection) {

    public LiveSetReport {
        points = List.copyOf(points);
        afterGc = List.copyOf(afterGc);
        trendSources = Set.copyOf(trendSources);
    }
}
