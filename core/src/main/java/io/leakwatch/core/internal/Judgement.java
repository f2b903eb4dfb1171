package io.leakwatch.core.internal;

import io.leakwatch.core.Finding;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.Verdict;

import java.util.List;

/**
 * The verdict part of an analysis.
 *
 * @param verdict         the verdict
 * @param findings        its reasons, the decisive one first
 * @param growthSuspected whether growth is suspected enough for a heap inspection
 * @param candidates      ranked candidates (empty for {@link Verdict#NO_LEAK})
 * @param trend           the fit of the live-set window the verdict rests on, or null
 * @param basis           what the rules read
 */
record Judgement(Verdict verdict, List<Finding> findings, boolean growthSuspected, List<LeakCandidate> candidates,
                 SlopeFit trend, DecisionBasis basis) {
    Judgement {
        findings = List.copyOf(findings);
        candidates = List.copyOf(candidates);
    }
}
