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
        // 10,000 points at a stride of 2,048: four groups of 2,048 kept, the remaining 1,808 pending.
        assertThat(points).extracting(HeapPoint::bytes).containsExactly(0L, 2048L, 4096L, 6144L, 8192L);
    }

    @Test
    void placesALatePointInTimeOrderWhileNothingIsMerged() {
        ThinnedSeries<HeapPoint> series = new ThinnedSeries<>(8, (a, b) -> a, HeapPoint::time);
        series.add(new HeapPoint(T0.plusSeconds(1), 1));
        series.add(new HeapPoint(T0.plusSeconds(3), 3));
        series.add(new HeapPoint(T0.plusSeconds(2), 2));

        assertThat(series.points()).extracting(HeapPoint::bytes).containsExactly(1L, 2L, 3L);
    }

    @Test
    void mergesALatePointIntoTheKeptPointItFollowsOncePointsAreMerged() {
        ThinnedSeries<HeapPoint> series = new ThinnedSeries<>(4, (a, b) -> a.bytes() <= b.bytes() ? a : b,
                HeapPoint::time);
        for (int i = 1; i <= 4; i++) {
            series.add(new HeapPoint(T0.plusSeconds(i), 10L * i));
        }
        // Full at four: 1 s (10) and 3 s (30) are kept, each for two points.
        series.add(new HeapPoint(T0.plusSeconds(2), 2));
        series.add(new HeapPoint(T0, 40));

        // 2 s joins the point of 1 s (and, lower, stands for both); 0 s, before every point, joins the first.
        assertThat(series.points()).extracting(HeapPoint::bytes).containsExactly(2L, 30L);
        assertThat(series.points()).extracting(HeapPoint::time).containsExactly(T0.plusSeconds(2), T0.plusSeconds(3));
    }

    @Test
    void latePointsNeitherCrowdTheSeriesNorDoubleItsStride() {
        // Counts what each kept point stands for; from 400 s on, every tenth point is stamped 400 s in the past,
        // before the latest kept point, so each takes the late path.
        ThinnedSeries<Counted> series = new ThinnedSeries<>(8,
                (a, b) -> new Counted(a.time(), a.count() + b.count()), Counted::time);
        for (int i = 0; i < 1000; i++) {
            series.add(new Counted(T0.plusSeconds(i >= 400 && i % 10 == 9 ? i - 400 : i), 1));
        }

        List<Counted> points = series.points();
        assertThat(points).hasSizeLessThanOrEqualTo(8);
        assertThat(points.stream().mapToLong(Counted::count).sum()).isEqualTo(1000);
        // In order, 1,000 points end at a stride of 128 (seven groups and 104 pending); the late ones add a few to
        // the groups they join. Given slots of their own, they doubled the stride to 512 and left groups of 2 to 512.
        assertThat(points.subList(0, points.size() - 1)).allSatisfy(p -> assertThat(p.count()).isBetween(120L, 160L));
        assertThat(points).isSortedAccordingTo(java.util.Comparator.comparing(Counted::time));
    }

    private record Counted(Instant time, long count) {
    }

    @Test
    void rejectsAnOddCapacity() {
        assertThatThrownBy(() -> new ThinnedSeries<HeapPoint>(5, (a, b) -> a, HeapPoint::time))
                .hasMessageContaining("capacity must be even");
    }
}
