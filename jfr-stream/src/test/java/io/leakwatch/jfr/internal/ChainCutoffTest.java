package io.leakwatch.jfr.internal;

import io.leakwatch.core.Analysis;
import io.leakwatch.core.Coverage;
import io.leakwatch.core.Finding;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.ReferenceStep;
import io.leakwatch.core.Rule;
import io.leakwatch.core.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ChainCutoffTest {
    private static final Duration TEN_MS = Duration.ofMillis(10);

    private static Analysis leak(boolean withChain) {
        List<ReferenceStep> chain = withChain ? List.of(new ReferenceStep("com.example.Cart", "items", false, null,
                -1, -1, 0)) : List.of();
        LeakCandidate top = new LeakCandidate("com.example.Cart", LeakCandidate.Status.CONFIRMED, List.of(),
                List.of(), chain, "", null, 10, Duration.ZERO, null, 1e6, 100, 0.9, 0.9, List.of(), "", -1,
                "0123456789ab");
        return new Analysis(Verdict.LEAK, "test", "", List.of(Finding.of(Rule.LIVE_SET_GROWS)), true, null, null,
                null, null, List.of(), null, List.of(), List.of(), List.of(top), new Coverage(Set.of(), List.of()));
    }

    private static Duration next(ChainCutoff cutoff, Analysis analysis) {
        return cutoff.next(ProbeSchedule.holdersWanted(analysis));
    }

    @Test
    void eachSnapshotThatLeavesALeakWithoutAChainIsFollowedByALongerSearchUntilOneIsFound() {
        ChainCutoff cutoff = new ChainCutoff(TEN_MS);
        assertThat(next(cutoff, leak(false))).isEqualTo(TEN_MS);
        assertThat(next(cutoff, leak(false))).isEqualTo(Duration.ofMillis(40));
        assertThat(next(cutoff, leak(false))).isEqualTo(Duration.ofMillis(160));
        assertThat(next(cutoff, leak(false))).isEqualTo(Duration.ofMillis(640));
        assertThat(next(cutoff, leak(false))).isEqualTo(ChainCutoff.MAX);
        assertThat(next(cutoff, leak(false))).isEqualTo(ChainCutoff.MAX);
        assertThat(next(cutoff, leak(true))).isEqualTo(TEN_MS);
        assertThat(next(cutoff, leak(false))).isEqualTo(TEN_MS);
    }

    @Test
    void noLeakOrNoSearchAtAllKeepsTheConfiguredCutoff() {
        ChainCutoff cutoff = new ChainCutoff(TEN_MS);
        Analysis suspected = new Analysis(Verdict.INCONCLUSIVE, "test", "", List.of(Finding.of(
                Rule.LIVE_SET_MAY_GROW)), true, null, null, null, null, List.of(), null, List.of(), List.of(),
                List.of(), new Coverage(Set.of(), List.of()));
        assertThat(next(cutoff, suspected)).isEqualTo(TEN_MS);
        assertThat(next(cutoff, suspected)).isEqualTo(TEN_MS);

        ChainCutoff none = new ChainCutoff(Duration.ZERO);
        next(none, leak(false));
        assertThat(next(none, leak(false))).isEqualTo(Duration.ZERO);
    }

    @Test
    void aGrowthThatNothingNamesSearchesLongerAtEachSnapshotOrWindowToo() {
        // Generational ZGC: the live set grows, byte[] explains it, and only a chain says who holds the byte[].
        Analysis unnamed = new Analysis(Verdict.INCONCLUSIVE, "test", "", List.of(Finding.of(Rule.LIVE_SET_GROWS),
                Finding.of(Rule.NOTHING_SAYS_WHAT_GROWS)), true, null, null, null, null, List.of(), null, List.of(),
                List.of(), List.of(), new Coverage(Set.of(), List.of()));
        assertThat(ProbeSchedule.holdersWanted(unnamed)).isTrue();
        ChainCutoff cutoff = new ChainCutoff(TEN_MS);
        assertThat(next(cutoff, unnamed)).isEqualTo(TEN_MS);
        assertThat(next(cutoff, unnamed)).isEqualTo(Duration.ofMillis(40));
        assertThat(next(cutoff, leak(true))).isEqualTo(TEN_MS);
    }
}
