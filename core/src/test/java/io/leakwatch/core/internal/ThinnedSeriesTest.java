package io.leakwatch.core.internal;

import io.leakwatch.core.HeapPoint;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

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

        assertThat(series.points()).hasSizeLessThanOrEqualTo(8);
        // Values cycle 1000, 999, 998: a merged group of three or more keeps its 998, the lowest.
        assertThat(series.points().get(0).bytes()).isEqualTo(998);
        assertThat(series.points().get(0).time()).isEqualTo(T0.plusSeconds(2));
        assertThat(series.points()).isSortedAccordingTo(java.util.Comparator.comparing(HeapPoint::time));
    }

    @Test
    void keepsOneResolutionOverTheWholeSeriesHoweverLong() {
        // Keeps the earliest of each merged group, so that a kept point's time says which group it stands for.
        ThinnedSeries<HeapPoint> series = new ThinnedSeries<>(8, (a, b) -> a, HeapPoint::time);
        for (int i = 0; i < 10_000; i++) {
            series.add(new HeapPoint(T0.plusSeconds(i), i));
        }

        List<HeapPoint> points = series.points();
        assertThat(points).hasSizeLessThanOrEqualTo(8);
        assertThat(points.get(0).bytes()).isZero();
        // 10,000 points at a stride of 2,048: four groups kept, the fifth pending; each stands for as many points.
        assertThat(points).extracting(HeapPoint::bytes).containsExactly(0L, 2048L, 4096L, 6144L, 8192L);
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
