package io.leakwatch.core.internal;

import io.leakwatch.core.Finding;
import io.leakwatch.core.LiveSetPoint;
import io.leakwatch.core.Rule;

import java.util.List;

/**
 * Whether the live set does not grow at a rate that matters: the other boundary of the sequential decision. A
 * window of at least {@link Thresholds#MIN_POINTS_FOR_NO_LEAK} measurements that spans the minimum observation is
 * held against the slowest growth that matters ({@link DecisionBasis#slowestGrowthBytesPerSecond()}): if the upper
 * confidence bound of its slope, at 1 − β, is below it, a leak at that rate would show this little growth with
 * probability below β. Of the windows (all points, the later half, quarter, ...) the one with the tightest bound
 * counts, as long as the latest points have not risen by material growth: a leak that just began must not hide
 * behind the flat hours before it. When the series rose by material growth before that window, it levelled off (a
 * cache that filled to its bound); otherwise it is flat. A live set that fills the heap is never found not growing.
 */
final class NoGrowthRule {
    private NoGrowthRule() {
    }

    /** {@link Rule#LIVE_SET_NOT_GROWING}, {@link Rule#LIVE_SET_LEVELLED_OFF}, or null. */
    static Finding assess(DecisionBasis basis) {
        List<TrendWindow> windows = basis.windows();
        if (basis.heapFull() || windows.isEmpty() || risingLately(basis)) {
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

    /** Whether the latest window (three points or more) rose by material growth. */
    private static boolean risingLately(DecisionBasis basis) {
        SlopeFit latest = basis.windows().get(basis.windows().size() - 1).fit();
        return latest.slopeBytesPerSecond() > 0 && latest.growthBytes() >= basis.materialBytes();
    }

    private static Finding describe(DecisionBasis basis, TrendWindow window, double upperBound) {
        SlopeFit fit = window.fit();
        List<LiveSetPoint> before = basis.trendPoints().subList(0, window.start());
        double lowestBefore = before.stream().mapToLong(LiveSetPoint::bytes).min().orElse(Long.MAX_VALUE);
        boolean grewBefore = fit.fittedLatestBytes() - lowestBefore >= basis.materialBytes();
        Finding finding = Finding.of(grewBefore ? Rule.LIVE_SET_LEVELLED_OFF : Rule.LIVE_SET_NOT_GROWING)
                .with("slopeBytesPerSecond", fit.slopeBytesPerSecond())
                .with("slopeUpperBoundBytesPerSecond", upperBound)
                .with("noiseBytes", fit.noiseBytes())
                .with("levelBytes", fit.fittedLatestBytes())
                .with("points", fit.points())
                .with("spanSeconds", fit.spanSeconds());
        if (grewBefore) {
            finding = finding.with("lowestEarlierBytes", lowestBefore);
        }
        return finding.against("slopeUpperBoundBytesPerSecond", basis.slowestGrowthBytesPerSecond())
                .against("confidence", basis.confidence())
                .against("spanSeconds", basis.minObservation().toNanos() / 1e9);
    }
}
