package io.leakwatch.core.internal;

import io.leakwatch.core.Finding;
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
                "measurements", "liveSetMeasurements", "observedSeconds", "confidence"};
        for (Rule rule : Rule.values()) {
            Finding finding = Finding.of(rule);
            for (String name : names) {
                finding = finding.with(name, 1e6).against(name, 2e6);
            }
            List<Finding> findings = List.of(finding);
            boolean decides = rule != Rule.CANDIDATE_EXPLAINS_GROWTH && rule != Rule.NOTHING_SAYS_WHAT_GROWS
                    && rule != Rule.NOT_MONITORING;
            if (decides) {
                assertThat(Prose.reason(findings, null, FULL, WARM_UP, WARM_UP, Duration.ofHours(1))).as(rule.id())
                        .isNotBlank().doesNotContain("NaN", "null");
                assertThat(Prose.nextStep(findings, null, WARM_UP)).as(rule.id()).doesNotContain("null");
            } else {
                assertThatThrownBy(() -> Prose.reason(findings, null, FULL, WARM_UP, WARM_UP, Duration.ofHours(1)))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }
}
