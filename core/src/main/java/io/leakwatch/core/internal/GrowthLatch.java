package io.leakwatch.core.internal;

import io.leakwatch.core.AnalyzerConfig;

/**
 * Keeps the live set's growth once the sequential test has found it. The test decides when its evidence crosses
 * 1/α, as Wald's test stops at its boundary; later measurements do not undo that decision by merely weakening the
 * evidence (a ZGC run's evidence fell from 1000:1 to 21:1 three seconds after a LEAK as noisier points arrived, and
 * the verdict went back). Only evidence the other way does: the live set shown not growing at a rate that matters
 * ({@link NoGrowthRule}), or fallen by material growth below where it stood when growth was found (a leak does not
 * give memory back; a buffer does). The test is run again at every new live-set measurement, in the order the events
 * arrived, so the same events give the same answer however often, or seldom, an analysis is asked for. Not
 * thread-safe.
 */
final class GrowthLatch {
    private final AnalyzerConfig config;
    private GrowthRule.Assessment held;
    private long measurementsSeen = -1;

    GrowthLatch(AnalyzerConfig config) {
        this.config = config;
    }

    /** Runs the test again if a measurement arrived since it last ran. */
    void observe(LiveSetTracker liveSet) {
        if (liveSet.measurements() == measurementsSeen) {
            return;
        }
        measurementsSeen = liveSet.measurements();
        DecisionBasis basis = DecisionBasis.of(liveSet.series(), config);
        GrowthRule.Assessment now = GrowthRule.assess(basis);
        if (now.grows()) {
            held = now;
        } else if (held != null && (NoGrowthRule.assess(basis) != null || fellBack(basis))) {
            held = null;
        }
    }

    /** The growth the test found and nothing has undone since, or null. */
    GrowthRule.Assessment held() {
        return held;
    }

    private boolean fellBack(DecisionBasis basis) {
        return basis.latestLevelBytes() < held.window().latestLevelBytes() - basis.materialBytes();
    }
}
