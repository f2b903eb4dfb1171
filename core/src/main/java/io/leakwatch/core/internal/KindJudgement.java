package io.leakwatch.core.internal;

import io.leakwatch.core.Finding;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.Verdict;

import java.util.List;

/**
 * The decision on one series of a kind outside the heap.
 *
 * @param series    the series decided
 * @param verdict   its verdict
 * @param findings  its reasons, the decisive one first (empty when the kind was not recorded)
 * @param suspected whether it rises enough to look closer
 * @param blocksNoLeak whether it keeps the analysis from {@code NO_LEAK}: it grows, or may (not merely too little
 *                  evidence)
 * @param candidate the code behind its growth, or null
 * @param trend     the fit its verdict rests on, or null
 * @param basis     what its rules read, or null when it was not recorded
 */
record KindJudgement(KindSeries series, Verdict verdict, List<Finding> findings, boolean suspected,
                     boolean blocksNoLeak, LeakCandidate candidate, SlopeFit trend, DecisionBasis basis) {
    KindJudgement {
        findings = List.copyOf(findings);
    }
}
