package io.leakwatch.jfr.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EvidencePlanTest {

    @Test
    void generationalZgcSamplesAllocationAndOldObjectsOnlyInWindows() {
        EvidencePlan plan = EvidencePlan.forCollectors(List.of("ZGC Minor Cycles", "ZGC Minor Pauses",
                "ZGC Major Cycles", "ZGC Major Pauses"));

        assertThat(plan.continuousOldObjectSamples()).isFalse();
        assertThat(plan.oldObjectWindows()).isTrue();
        assertThat(plan.enables(OldObjectSampleHandler.NAME)).isFalse();
        assertThat(plan.enables(ObjectAllocationSampleHandler.NAME)).isTrue();
        assertThat(plan.enables("jdk.GCHeapSummary")).isTrue();
    }

    @Test
    void everyOtherCollectorKeepsTheSamplerOnAndTakesNoAllocationSamples() {
        for (List<String> beans : List.of(List.of("G1 Young Generation", "G1 Old Generation"),
                List.of("PS Scavenge", "PS MarkSweep"), List.of("Copy", "MarkSweepCompact"),
                List.of("ZGC Cycles", "ZGC Pauses"))) {
            EvidencePlan plan = EvidencePlan.forCollectors(beans);

            assertThat(plan.enables(OldObjectSampleHandler.NAME)).as("%s", beans).isTrue();
            assertThat(plan.enables(ObjectAllocationSampleHandler.NAME)).as("%s", beans).isFalse();
            assertThat(plan.oldObjectWindows()).isFalse();
        }
    }
}
