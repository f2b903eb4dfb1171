package io.leakwatch.core.internal;

import io.leakwatch.core.HeapPoint;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThinnedSeriesTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void neverHoldsMoreThanItsCapacityAndKeepsTheLowestOfEachMergedPair() {
        ThinnedSeries<HeapPoint> series = new ThinnedSeries<>(8, (a, b) -> a.bytes() <= b.bytes() ? a : b,
                HeapPoint::time);
        for (int i = 0; i < 1000; i++) {
            series.add(new HeapPoint(T0.plusSeconds(i), 1000 - i % 3));
        }

        assertThat(series.points()).hasSizeLessThan(8);
        // Values cycle 1000, 999, 998: a merged group of three or more keeps its 998, the lowest.
        assertThat(series.points().get(0).bytes()).isEqualTo(998);
        assertThat(series.points().get(0).time()).isEqualTo(T0.plusSeconds(2));
        assertThat(series.points()).isSortedAccordingTo(java.util.Comparator.comparing(HeapPoint::time));
    }

    @Test
    void placesALatePointInTimeOrder() {
        ThinnedSeries<HeapPoint> series = new ThinnedSeries<>(8, (a, b) -> a, HeapPoint::time);
        series.add(new HeapPoint(T0.plusSeconds(1), 1));
        series.add(new HeapPoint(T0.plusSeconds(3), 3));
        series.add(new HeapPoint(T0.plusSeconds(2), 2));

        assertThat(series.points()).extracting(HeapPoint::bytes).containsExactly(1L, 2L, 3L);
    }

    @Test
    void rejectsAnOddCapacity() {
        assertThatThrownBy(() -> new ThinnedSeries<HeapPoint>(5, (a, b) -> a, HeapPoint::time))
                .hasMessageContaining("capacity must be even");
    }
}
