package io.leakwatch.core.leak;

import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.Verdict;

import java.util.List;

/**
 * The verdict part of an analysis.
 *
 * @param verdict         the verdict
 * @param reason          why
 * @param nextStep        what would settle or confirm it
 * @param growthSuspected whether cheap signals suggest growth worth a heap inspection
 * @param candidates      ranked candidates (empty for {@link Verdict#NO_LEAK})
 */
public record Judgement(Verdict verdict, String reason, String nextStep, boolean growthSuspected,
                        List<LeakCandidate> candidates) {
    public Judgement {
        candidates = List.copyOf(candidates);
    }
}
