package io.leakwatch.core.internal;

import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.core.LiveSetPoint;

import java.util.Set;

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
    /**
     * The family of measurements the held growth was found in. A level is compared with the held one only in that
     * family: ZGC's cycle readings include what was allocated during the cycle and stand megabytes above a heap
     * inspection of the same moment, so a switch of family would look like a fall. (A static-map leak under ZGC went
     * from LEAK back to INCONCLUSIVE within 30 s on a loaded machine; its recording was not kept, so whether this was
     * the cause is not known.)
     */
    private Set<LiveSetPoint.Source> heldSources = Set.of();
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
        GrowthRule.Tested now = GrowthRule.inFamilyThatGrows(liveSet.series(), config);
        if (now.assessment().grows()) {
            held = now.assessment();
            heldSources = now.series().sources();
        } else if (held != null && (NoGrowthRule.assess(now.basis()) != null
                || now.series().sources().equals(heldSources) && fellBack(now.basis()))) {
            held = null;
        }
    }

    /**
     * The live set resting on the family the verdict shows: the one the test finds growth in now; else, while
     * growth found earlier is held, the family it was found in, whose window the verdict shows; else the chosen one.
     */
    LiveSetSeries decidingSeries(LiveSetSeries series) {
        GrowthRule.Tested now = GrowthRule.inFamilyThatGrows(series, config);
        if (now.assessment().grows() || held == null || series.sources().equals(heldSources)) {
            return now.series();
        }
        LiveSetSeries.Family family = series.other(heldSources);
        return family == null ? series : series.inFamily(family);
    }

    /** The growth the test found and nothing has undone since, or null. */
    GrowthRule.Assessment held() {
        return held;
    }

    private boolean fellBack(DecisionBasis basis) {
        return basis.latestLevelBytes() < held.window().latestLevelBytes() - basis.materialBytes();
    }
}
