package io.leakwatch.core.internal;

import io.leakwatch.core.Finding;
import io.leakwatch.core.LeakKind;
import io.leakwatch.core.LiveSetPoint;
import io.leakwatch.core.Rule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProseTest {
    private static final Set<LiveSetPoint.Source> FULL = Set.of(LiveSetPoint.Source.FULL_GC);
    private static final Duration WARM_UP = Duration.ofSeconds(30);

    @Test
    void theReasonIsRenderedFromTheFindingsNumbers() {
        Finding growth = Finding.of(Rule.LIVE_SET_GROWS).with("slopeBytesPerSecond", 200_000).with("growthBytes", 6e6)
                .with("noiseBytes", 1e6).with("logBayesFactor", Math.log(2500)).with("points", 6)
                .with("spanSeconds", 30).with("latestLevelBytes", 40e6).with("timeToExhaustionSeconds", 1080)
                .against("logBayesFactor", Math.log(1000)).against("growthBytes", 4.2e6);

        String reason = Prose.reason(List.of(growth, Finding.of(Rule.NOTHING_SAYS_WHAT_GROWS)), null, FULL, WARM_UP,
                WARM_UP, Duration.ofHours(1));

        assertThat(reason).isEqualTo("The live set grew by 12.0 MB/min over 30 s (6 full gc measurements, evidence"
                + " 2500:1), but no heap inspection or old-object sample shows which objects grow.");
    }

    @Test
    void everyRuleThatCanDecideAVerdictHasItsReasonAndNextStep() {
        // A finding of each rule with every value a rule may read, so that no rendering throws for a missing name.
        String[] names = {"slopeBytesPerSecond", "growthBytes", "noiseBytes", "logBayesFactor", "points", "spanSeconds",
                "latestLevelBytes", "peakBeforeDropBytes", "slopeUpperBoundBytesPerSecond", "levelBytes",
                "lowestEarlierBytes", "lowestBytes", "highestBytes", "boundBytesPerSecond", "maxHeapBytes",
                "measurements", "liveSetMeasurements", "observedSeconds", "confidence", "maxBytes"};
        for (Rule rule : Rule.values()) {
            boolean ofKinds = rule.id().startsWith("kind-");
            for (LeakKind kind : ofKinds ? List.of(LeakKind.CLASS_METADATA, LeakKind.THREADS, LeakKind.DIRECT_MEMORY,
                    LeakKind.NATIVE_MEMORY) : List.of(LeakKind.HEAP)) {
                Finding finding = ofKinds ? Finding.of(rule, kind, "Other") : Finding.of(rule);
                for (String name : names) {
                    String named = name.replace("Bytes", kind.unit().word());
                    finding = finding.with(named, 1e6).against(named, 2e6);
                }
                assertRendered(rule, List.of(finding));
            }
        }
    }

    private static void assertRendered(Rule rule, List<Finding> findings) {
        boolean decides = rule != Rule.CANDIDATE_EXPLAINS_GROWTH && rule != Rule.NOTHING_SAYS_WHAT_GROWS
                && rule != Rule.NOT_MONITORING && rule != Rule.KIND_CODE_NAMED && rule != Rule.KIND_NOTHING_NAMED;
        String what = rule.id() + " of " + findings.get(0).kind();
        if (decides) {
            assertThat(Prose.reason(findings, null, FULL, WARM_UP, WARM_UP, Duration.ofHours(1))).as(what)
                    .isNotBlank().doesNotContain("NaN", "null");
            assertThat(Prose.nextStep(findings, null, WARM_UP)).as(what).doesNotContain("null");
        } else {
            assertThatThrownBy(() -> Prose.reason(findings, null, FULL, WARM_UP, WARM_UP, Duration.ofHours(1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
