package io.leakwatch.core.internal;

import io.leakwatch.core.Finding;
import io.leakwatch.core.Rule;
import io.leakwatch.core.SeriesPoint;

import java.util.List;

/**
 * Whether the live set does not grow at a rate that matters: the other boundary of the sequential decision. A
 * window of at least {@link Thresholds#MIN_POINTS_FOR_NO_LEAK} measurements that spans the minimum observation is
 * held against the slowest growth that matters ({@link DecisionBasis#slowestGrowthBytesPerSecond()}): if the upper
 * confidence bound of its slope, at 1 − β, is below it, a leak at that rate would show this little growth with
 * probability below β. Of the windows (all points, then fewer latest ones) the one with the tightest bound counts; a
 * leak that just began is kept from hiding behind the flat hours before it by {@link GrowthRule}: any window that
 * rises at a rate that matters with evidence of 10:1 comes first and blocks this. (A check that the latest three
 * points had not risen by material growth, tried first, made a healthy G1 cache flip between NO_LEAK and
 * INCONCLUSIVE every few measurements: with 7 MB of noise, three points rise by 4 MB one time in five.) When the
 * series rose by material growth before that window, it levelled off (a cache that filled to its bound); otherwise
 * it is flat. A live set that fills the heap is never found not growing.
 */
final class NoGrowthRule {
    private NoGrowthRule() {
    }

    /** {@link Rule#LIVE_SET_NOT_GROWING}, {@link Rule#LIVE_SET_LEVELLED_OFF} (or the kind's rules), or null. */
    static Finding assess(DecisionBasis basis) {
        List<TrendWindow> windows = basis.windows();
        if (basis.heapFull() || windows.isEmpty()) {
            return null;
        }
        TrendWindow tightest = null;
        double tightestBound = Double.POSITIVE_INFINITY;
        for (TrendWindow window : windows) {
            SlopeFit fit = window.fit();
            if (fit.points() < Thresholds.MIN_POINTS_FOR_NO_LEAK || fit.span().compareTo(basis.minObservation()) < 0) {
                continue;
            }
            double bound = fit.slopeUpperBound(basis.confidence());
            if (bound < tightestBound) {
                tightest = window;
                tightestBound = bound;
            }
        }
        return tightest == null || tightestBound >= basis.slowestGrowthBytesPerSecond() ? null
                : describe(basis, tightest, tightestBound);
    }

    /** The whole series' verdict alone, for a series whose latest rise only climbs back to an earlier peak. */
    static Finding assessWhole(DecisionBasis basis) {
        if (basis.heapFull() || basis.windows().isEmpty()) {
            return null;
        }
        TrendWindow whole = basis.windows().get(0);
        SlopeFit fit = whole.fit();
        if (fit.points() < Thresholds.MIN_POINTS_FOR_NO_LEAK || fit.span().compareTo(basis.minObservation()) < 0) {
            return null;
        }
        double bound = fit.slopeUpperBound(basis.confidence());
        return bound >= basis.slowestGrowthBytesPerSecond() ? null : describe(basis, whole, bound);
    }

    private static Finding describe(DecisionBasis basis, TrendWindow window, double upperBound) {
        SlopeFit fit = window.fit();
        RuleSet rules = basis.rules();
        List<SeriesPoint> before = basis.trendPoints().subList(0, window.start());
        double lowestBefore = before.stream().mapToLong(SeriesPoint::value).min().orElse(Long.MAX_VALUE);
        boolean grewBefore = fit.fittedLatestBytes() - lowestBefore >= basis.materialBytes();
        Finding finding = rules.finding(grewBefore ? rules.levelledOff() : rules.notGrowing())
                .with(rules.unit("slope%sPerSecond"), fit.slopeBytesPerSecond())
                .with(rules.unit("slopeUpperBound%sPerSecond"), upperBound)
                .with(rules.unit("noise%s"), fit.noiseBytes())
                .with(rules.unit("level%s"), fit.fittedLatestBytes())
                .with("points", fit.points())
                .with("spanSeconds", fit.spanSeconds());
        if (grewBefore) {
            finding = finding.with(rules.unit("lowestEarlier%s"), lowestBefore);
        }
        return finding.against(rules.unit("slopeUpperBound%sPerSecond"), basis.slowestGrowthBytesPerSecond())
                .against("confidence", basis.confidence())
                .against("spanSeconds", basis.minObservation().toNanos() / 1e9);
    }
}
