package io.leakwatch.core.internal;

import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.core.HeapPoint;
import io.leakwatch.core.LiveSetPoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class HeapRulesTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final double MB = 1e6;
    private static final AnalyzerConfig CONFIG = AnalyzerConfig.builder().warmUp(Duration.ofSeconds(5))
            .minObservation(Duration.ofSeconds(15)).build();

    private static Instant at(double seconds) {
        return T0.plusMillis((long) (seconds * 1000));
    }

    /** Young collections every 2 s over 40 s, each leaving the live set and 0.5 MB of young objects. */
    private static List<HeapPoint> afterYoung(DoubleUnaryOperator live) {
        List<HeapPoint> points = new ArrayList<>();
        for (int t = 0; t <= 40; t += 2) {
            points.add(new HeapPoint(at(t), (long) (live.applyAsDouble(t) + 0.5 * MB)));
        }
        return points;
    }

    private static LiveSetSeries series(List<LiveSetPoint> measured, List<HeapPoint> afterGc) {
        Set<LiveSetPoint.Source> sources = Set.copyOf(measured.stream().map(LiveSetPoint::source).toList());
        return new LiveSetSeries(measured, measured, afterGc, measured, sources, List.of(), 1, afterGc, 256_000_000L);
    }

    @Test
    void aConcurrentCycleThatOverstatesTheLiveSetBoundsNothing() {
        // A leak of 12 MB/min; the first ZGC major cycle read 8 MB high (what was allocated during the cycle), so
        // the heap after later young collections is lower than it: as the only start old enough, it would bound the
        // growth at zero.
        DoubleUnaryOperator live = t -> 40 * MB + 0.2 * MB * t;
        List<LiveSetPoint> cycles = new ArrayList<>();
        for (int t : new int[]{0, 30, 38}) {
            cycles.add(new LiveSetPoint(at(t), (long) (live.applyAsDouble(t) + (t == 0 ? 8 : 1) * MB),
                    LiveSetPoint.Source.OLD_GC));
        }

        assertThat(HeapRules.boundsGrowth(DecisionBasis.of(series(cycles, afterYoung(live)), CONFIG))).isNull();
    }

    @Test
    void anExactMeasurementAndAFlatHeapAfterCollectionsBoundTheGrowth() {
        DoubleUnaryOperator live = t -> 40 * MB;
        List<LiveSetPoint> inspection = List.of(new LiveSetPoint(at(0), (long) (40 * MB),
                LiveSetPoint.Source.HEAP_INSPECTION));

        assertThat(HeapRules.boundsGrowth(DecisionBasis.of(series(inspection, afterYoung(live)), CONFIG)))
                .isNotNull();
    }
}
