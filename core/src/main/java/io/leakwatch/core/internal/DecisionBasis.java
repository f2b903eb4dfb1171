package io.leakwatch.core.internal;

import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.core.LiveSetPoint;
import io.leakwatch.core.SeriesPoint;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What every rule of the decision reads, for one series: the live set, or a kind outside the heap (metaspace,
 * threads, direct memory, a native memory category). The measurements and the fits of their windows, every sampled
 * value (the heap after every collection, an upper bound of the live set), and the settings turned into numbers for
 * this series. Values are in the series' unit (bytes, or threads); the names say bytes because the live set came
 * first.
 *
 * @param rules               the rule ids and value names its findings carry
 * @param points              the measurements after warm-up that trends rest on, in time order (at most 128)
 * @param exactPoints         those of {@code points} that do not overstate the series, the starts that bound its
 *                            growth with a later upper bound: for the heap, heap inspections and stop-the-world
 *                            collections of the whole heap; not a concurrent cycle's reading, which includes what
 *                            was allocated during the cycle (a ZGC major cycle read 46.1 MB of a leaking heap, a
 *                            minor collection 26 s later 44.0 MB, and the bound made a leak of 17 MB/min NO_LEAK)
 * @param windows             fits of the trend points: all of them, then the later half, quarter, ...
 * @param envelopePoints      every sampled value after warm-up, an upper bound of the measurements (at most 128)
 * @param envelope            the fit of {@code envelopePoints}, or null with fewer than 3
 * @param materialBytes       the least growth that counts (for the heap 4 MiB or 1% of it by default)
 * @param slowestGrowthBytesPerSecond the slowest growth that matters: material growth within
 *                            {@link Thresholds#MATERIAL_HORIZON}, or exhausting what is left below the maximum
 *                            within the exhaustion horizon, whichever is faster
 * @param logEvidenceForGrowth ln(1/α): the log Bayes factor growth needs (α is shared out among the kinds' series,
 *                             and for the heap among the families the test runs on)
 * @param confidence          1 − β: the level of the upper bound that rules out growth
 * @param minObservation      the shortest span a {@code NO_LEAK} rests on
 * @param latestLevelBytes    where the trend points stand now (the median of the last three), or NaN without any
 * @param maxBytes            the series' maximum, or 0 when none is known
 */
record DecisionBasis(RuleSet rules, List<SeriesPoint> points, List<SeriesPoint> exactPoints,
                     List<TrendWindow> windows,
                     List<SeriesPoint> envelopePoints, SlopeFit envelope, double materialBytes,
                     double slowestGrowthBytesPerSecond, double logEvidenceForGrowth, double confidence,
                     Duration minObservation, double latestLevelBytes, long maxBytes) {

    /** The heap's measurements that do not overstate it. */
    private static final Set<LiveSetPoint.Source> EXACT = EnumSet.of(LiveSetPoint.Source.HEAP_INSPECTION,
            LiveSetPoint.Source.FULL_GC);

    /** The basis of the live set's decision. */
    static DecisionBasis of(LiveSetSeries series, AnalyzerConfig config) {
        List<SeriesPoint> points = series.trendPoints().stream().map(p -> new SeriesPoint(p.time(), p.bytes()))
                .toList();
        List<SeriesPoint> exact = series.trendPoints().stream().filter(p -> EXACT.contains(p.source()))
                .map(p -> new SeriesPoint(p.time(), p.bytes())).toList();
        List<SeriesPoint> envelope = series.envelope().stream().map(p -> new SeriesPoint(p.time(), p.bytes()))
                .toList();
        long max = series.maxHeapBytes();
        return of(RuleSet.HEAP, points, exact, envelope, max, config.materialGrowthBytes(max),
                config.falseAlarmRate() / series.choices(), config);
    }

    /**
     * The basis of any series.
     *
     * @param material       the least growth that counts, in the series' unit
     * @param falseAlarmRate α for this series
     */
    static DecisionBasis of(RuleSet rules, List<SeriesPoint> points, List<SeriesPoint> envelopePoints, long max,
                            double material, double falseAlarmRate, AnalyzerConfig config) {
        return of(rules, points, points, envelopePoints, max, material, falseAlarmRate, config);
    }

    private static DecisionBasis of(RuleSet rules, List<SeriesPoint> points, List<SeriesPoint> exactPoints,
                                    List<SeriesPoint> envelopePoints, long max, double material,
                                    double falseAlarmRate, AnalyzerConfig config) {
        List<TrendWindow> windows = TrendWindow.of(points, SeriesPoint::time, SeriesPoint::value);
        SlopeFit envelope = SlopeFit.of(envelopePoints, SeriesPoint::time, SeriesPoint::value);
        double latest = windows.isEmpty() ? Double.NaN : windows.get(0).latestLevelBytes();
        double slowest = material / Thresholds.MATERIAL_HORIZON.toSeconds();
        if (max > 0 && !Double.isNaN(latest)) {
            slowest = Math.max(slowest, (max - latest) / config.exhaustionHorizon().toSeconds());
        }
        return new DecisionBasis(rules, points, exactPoints, windows, envelopePoints, envelope, material, slowest,
                Math.log(1 / falseAlarmRate), 1 - config.missRate(), config.minObservation(), latest, max);
    }

    /** Whether the series fills its maximum: it has not levelled off then, it has run out of room. */
    boolean heapFull() {
        return maxBytes > 0 && latestLevelBytes >= Thresholds.FULL_HEAP_SHARE * maxBytes;
    }

    List<SeriesPoint> trendPoints() {
        return points;
    }
}
