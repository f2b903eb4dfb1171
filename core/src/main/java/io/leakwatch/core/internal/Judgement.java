package io.leakwatch.core.internal;

import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.Verdict;
import io.leakwatch.core.Trend;

import java.util.List;

/**
 * The verdict part of an analysis.
 *
 * @param verdict         the verdict
 * @param reason          why
 * @param nextStep        what would settle or confirm it
 * @param growthSuspected whether cheap signals suggest growth worth a heap inspection
 * @param candidates      ranked candidates (empty for {@link Verdict#NO_LEAK})
 * @param recentGrowth    the trend of recent live-set measurements that the verdict rests on, when the trend of
 *                        all of them does not show the growth; otherwise null
 */
public record Judgement(Verdict verdict, String reason, String nextStep, boolean growthSuspected,
                        List<LeakCandidate> candidates, Trend recentGrowth) {
    public Judgement {
        candidates = List.copyOf(candidates);
    }

    /** A judgement that rests on the trend of all live-set measurements, if on any. */
    public Judgement(Verdict verdict, String reason, String nextStep, boolean growthSuspected,
                     List<LeakCandidate> candidates) {
        this(verdict, reason, nextStep, growthSuspected, candidates, null);
    }
}
