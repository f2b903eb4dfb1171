package io.leakwatch.core.internal;

import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.core.Finding;
import io.leakwatch.core.SeriesPoint;
import io.leakwatch.core.Rule;

/**
 * Whether the live set (or any series of a kind outside the heap, with its own rule ids) grows: the sequential test
 * of the decision. Each window of the trend points (all of them,
 * the later half, quarter, ...) is tested, oldest first; the first that passes is the growth:
 * <ul>
 *   <li>its Bayes factor for a slope reaches 1/α, with a rising slope ({@link SlopeFit#logBayesFactor});</li>
 *   <li>it grew by material growth (4 MiB or 1% of the heap by default): a tiny, exactly measured rise is no
 *       leak;</li>
 *   <li>it has not levelled off: the later half of the window rises at under {@link Thresholds#LEVELLED_SLOPE_RATIO}
 *       of its slope, and the later half's upper bound is below it (a cache that filled to its bound);</li>
 *   <li>if the series ever dropped by material growth for two measurements, the latest level stands half the
 *       material growth above the peak before that drop: a buffer that fills and is flushed only climbs back.</li>
 * </ul>
 * A live set that fills the heap is exempt from the last two: it stopped only for want of room.
 */
final class GrowthRule {
    private GrowthRule() {
    }

    /**
     * The test on the live set: on its chosen family, and when that shows no growth, on each other family it is run
     * on, in the order of {@link LiveSetSeries#others()}, until one shows growth. Each family is held to its share
     * of α ({@link LiveSetSeries#choices()}).
     *
     * @return the series resting on the family that grows (else the chosen one), with its basis and assessment
     */
    static Tested inFamilyThatGrows(LiveSetSeries series, AnalyzerConfig config) {
        DecisionBasis basis = DecisionBasis.of(series, config);
        Assessment assessment = assess(basis);
        if (!assessment.grows()) {
            for (LiveSetSeries.Family family : series.others()) {
                if (!family.tested()) {
                    continue;
                }
                LiveSetSeries other = series.inFamily(family);
                DecisionBasis otherBasis = DecisionBasis.of(other, config);
                Assessment found = assess(otherBasis);
                if (found.grows()) {
                    return new Tested(other, otherBasis, found);
                }
            }
        }
        return new Tested(series, basis, assessment);
    }

    /**
     * The assessment, with the window that shows it: {@link Rule#LIVE_SET_GROWS} for the first window that passes;
     * failing that, {@link Rule#BACK_TO_EARLIER_PEAK} for a window that would pass but only climbs back; failing that,
     * {@link Rule#LIVE_SET_MAY_GROW} for a window that rises at a rate that matters with evidence of at least
     * {@link Thresholds#SUSPICION_LOG_BAYES_FACTOR}; else nothing.
     */
    static Assessment assess(DecisionBasis basis) {
        double peak = LevelHistory.of(basis.trendPoints(), SeriesPoint::value)
                .peakBeforeLastDrop(basis.materialBytes());
        boolean heapFull = basis.heapFull();
        Assessment backToPeak = null;
        Assessment mayGrow = null;
        for (TrendWindow window : basis.windows()) {
            SlopeFit fit = window.fit();
            double evidence = fit.logBayesFactor(Thresholds.PRIOR_SCALES_PER_SECOND);
            if (fit.slopeBytesPerSecond() <= 0 || evidence < Thresholds.SUSPICION_LOG_BAYES_FACTOR
                    || !heapFull && levelledOff(basis, window)) {
                continue;
            }
            boolean material = fit.growthBytes() >= basis.materialBytes();
            boolean beyondPeak = window.latestLevelBytes() >= peak + basis.materialBytes() / 2 || heapFull;
            RuleSet rules = basis.rules();
            if (material && beyondPeak && evidence >= basis.logEvidenceForGrowth()) {
                return new Assessment(describe(rules.grows(), window, evidence, basis), window);
            }
            if (material && !beyondPeak && backToPeak == null) {
                backToPeak = new Assessment(rules.finding(rules.backToEarlierPeak())
                        .with(rules.unit("latestLevel%s"), window.latestLevelBytes())
                        .with(rules.unit("peakBeforeDrop%s"), peak)
                        .with("points", fit.points()).with("spanSeconds", fit.spanSeconds())
                        .against(rules.unit("latestLevel%s"), peak + basis.materialBytes() / 2), window);
            } else if (mayGrow == null && fit.points() >= Thresholds.MIN_POINTS_FOR_NO_LEAK
                    && fit.slopeBytesPerSecond() >= basis.slowestGrowthBytesPerSecond()) {
                mayGrow = new Assessment(describe(rules.mayGrow(), window, evidence, basis), window);
            }
        }
        return backToPeak != null ? backToPeak : mayGrow != null ? mayGrow : Assessment.NONE;
    }

    /** Whether the later half of a window rises much more slowly than the window, beyond doubt at the confidence. */
    static boolean levelledOff(DecisionBasis basis, TrendWindow window) {
        SlopeFit later = window.laterHalf(basis.trendPoints(), SeriesPoint::time, SeriesPoint::value,
                Thresholds.MIN_POINTS_TO_LEVEL_OFF);
        double slope = window.fit().slopeBytesPerSecond();
        return later != null && slope > 0 && later.slopeBytesPerSecond() < Thresholds.LEVELLED_SLOPE_RATIO * slope
                && later.slopeUpperBound(basis.confidence()) < slope;
    }

    private static Finding describe(Rule rule, TrendWindow window, double evidence, DecisionBasis basis) {
        SlopeFit fit = window.fit();
        RuleSet rules = basis.rules();
        return rules.finding(rule)
                .with(rules.unit("slope%sPerSecond"), fit.slopeBytesPerSecond())
                .with(rules.unit("growth%s"), fit.growthBytes())
                .with(rules.unit("noise%s"), fit.noiseBytes())
                .with("logBayesFactor", evidence)
                .with("points", fit.points())
                .with("spanSeconds", fit.spanSeconds())
                .with(rules.unit("latestLevel%s"), window.latestLevelBytes())
                .against("logBayesFactor", basis.logEvidenceForGrowth())
                .against(rules.unit("growth%s"), basis.materialBytes());
    }

    /**
     * The live set's test, in the family it rests on.
     *
     * @param series     the series, resting on that family
     * @param basis      its basis
     * @param assessment what the test found there
     */
    record Tested(LiveSetSeries series, DecisionBasis basis, Assessment assessment) {
    }

    /**
     * What the test found.
     *
     * @param finding {@link Rule#LIVE_SET_GROWS}, {@link Rule#LIVE_SET_MAY_GROW}, {@link Rule#BACK_TO_EARLIER_PEAK}
     *                (or the {@code kind-*} rules of the same meaning), or null
     * @param window  the window it rests on, or null
     */
    record Assessment(Finding finding, TrendWindow window) {
        static final Assessment NONE = new Assessment(null, null);

        boolean grows() {
            return finding != null && finding.rule().speaksFor() == io.leakwatch.core.Verdict.LEAK;
        }

        boolean is(Rule rule) {
            return finding != null && finding.rule() == rule;
        }
    }
}
