package io.leakwatch.jfr.internal;

import io.leakwatch.core.Analysis;
import io.leakwatch.core.Coverage;
import io.leakwatch.core.EventCounts;
import io.leakwatch.core.Finding;
import io.leakwatch.core.KindReport;
import io.leakwatch.core.LeakKind;
import io.leakwatch.core.LiveSetReport;
import io.leakwatch.core.Rule;
import io.leakwatch.core.Verdict;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KindProbesTest {
    @Test
    void aSuspectedKindGetsItsStackRecordingUntilTheSuspicionHasBeenGoneAMinute() {
        KindProbes probes = new KindProbes();
        try {
            probes.update(analysis(LeakKind.THREADS, true));
            assertThat(probes.running()).containsExactly(LeakKind.THREADS);
            assertThat(recordingNames()).contains("leakwatch-threads");

            probes.update(analysis(LeakKind.THREADS, false));
            assertThat(probes.running()).as("kept for a minute").containsExactly(LeakKind.THREADS);
        } finally {
            probes.close();
        }
        assertThat(probes.running()).isEmpty();
        assertThat(recordingNames()).doesNotContain("leakwatch-threads");
    }

    @Test
    void directMemoryIsTracedOnlyWhereTheJdkHasMethodTracing() {
        KindProbes probes = new KindProbes();
        try {
            probes.update(analysis(LeakKind.DIRECT_MEMORY, true));
            boolean tracing = FlightRecorder.getFlightRecorder().getEventTypes().stream()
                    .anyMatch(type -> type.getName().equals("jdk.MethodTrace"));
            assertThat(probes.running().contains(LeakKind.DIRECT_MEMORY)).isEqualTo(tracing);
        } finally {
            probes.close();
        }
    }

    private static List<String> recordingNames() {
        return FlightRecorder.getFlightRecorder().getRecordings().stream().map(Recording::getName).toList();
    }

    private static Analysis analysis(LeakKind kind, boolean suspected) {
        KindReport report = new KindReport(kind, "x", true, "", Verdict.INCONCLUSIVE,
                List.of(Finding.of(Rule.KIND_MAY_GROW, kind, "x")), "", suspected, null, 0, List.of(), List.of(),
                null);
        return new Analysis(Verdict.INCONCLUSIVE, "test", "", List.of(Finding.of(Rule.TOO_LITTLE_EVIDENCE)), false,
                null, null, null, new EventCounts(0, 0, 0, 0, 0, 0), List.of(),
                new LiveSetReport(List.of(), List.of(), null, Set.of(), null, 0, false, null), List.of(), List.of(),
                List.of(), new Coverage(Set.of(), List.of()), List.of(), List.of(report));
    }
}
