package io.leakwatch.core.internal;

import io.leakwatch.core.ClassHistogram;
import io.leakwatch.core.GcEvent;
import io.leakwatch.core.GcKind;
import io.leakwatch.core.HeapPoint;
import io.leakwatch.core.LiveSetPoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LiveSetTrackerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final long MB = 1_000_000;
    private static long nextId;

    private static GcCycle cycle(GcKind kind, double atSeconds, long afterMb) {
        Instant start = T0.plusMillis((long) (atSeconds * 1000));
        return new GcCycle(new GcEvent(++nextId, "test", kind, "test", start, Duration.ofMillis(5),
                Duration.ofMillis(5)), 200 * MB, afterMb * MB, 256 * MB, 256 * MB);
    }

    private static ClassHistogram inspection(double atSeconds, long totalMb) {
        return new ClassHistogram(T0.plusMillis((long) (atSeconds * 1000)), true,
                List.of(new ClassHistogram.Entry("byte[]", 1, totalMb * MB)));
    }

    @Test
    void onlyCollectionsThatFreeTheOldGenerationAndTheEndOfMixedPhasesAreLiveSetPoints() {
        LiveSetTracker tracker = new LiveSetTracker(new WarmUpClock(Duration.ZERO));
        tracker.record(cycle(GcKind.YOUNG, 1, 90));
        tracker.record(cycle(GcKind.CONCURRENT_CYCLE, 2, 95));
        tracker.record(cycle(GcKind.MIXED, 3, 70));
        tracker.record(cycle(GcKind.MIXED, 4, 60));
        tracker.record(cycle(GcKind.MIXED, 5, 65));
        tracker.record(cycle(GcKind.YOUNG, 6, 80));
        tracker.record(cycle(GcKind.FULL, 7, 40));
        tracker.record(cycle(GcKind.OLD, 8, 45));

        LiveSetSeries report = tracker.series();
        assertThat(report.all()).extracting(LiveSetPoint::bytes, LiveSetPoint::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple(60 * MB, LiveSetPoint.Source.MIXED_PHASE),
                org.assertj.core.groups.Tuple.tuple(40 * MB, LiveSetPoint.Source.FULL_GC),
                org.assertj.core.groups.Tuple.tuple(45 * MB, LiveSetPoint.Source.OLD_GC));
        assertThat(report.afterGc()).hasSize(8);
    }

    @Test
    void theLatestFullCollectionIsTheCollectorsOwnNotAnInspectionsNorAConcurrentCycle() {
        LiveSetTracker tracker = new LiveSetTracker(new WarmUpClock(Duration.ZERO));
        tracker.record(cycle(GcKind.OLD, 1, 50));
        assertThat(tracker.latestOwnFullCollection()).isNull();
        GcCycle own = cycle(GcKind.FULL, 2, 45);
        tracker.record(own);
        GcCycle inspections = new GcCycle(new GcEvent(++nextId, "test", GcKind.FULL,
                LiveSetTracker.HEAP_INSPECTION_CAUSE, T0.plusSeconds(3), Duration.ofMillis(5), Duration.ofMillis(5)),
                200 * MB, 44 * MB, 256 * MB, 256 * MB);
        tracker.record(inspections);
        tracker.record(cycle(GcKind.OLD, 4, 50));

        assertThat(tracker.latestOwnFullCollection()).isEqualTo(own.end());
    }

    @Test
    void aFewFreshInspectionsDoNotDisplaceALongerSeriesOfOldCollections() {
        LiveSetTracker tracker = new LiveSetTracker(new WarmUpClock(Duration.ZERO));
        for (int i = 0; i < 7; i++) {
            tracker.record(cycle(GcKind.OLD, 5 + 6 * i, 50 + 3L * i));
        }
        for (int i = 0; i < 4; i++) {
            tracker.record(inspection(30 + 3 * i, 60 + i));
        }

        LiveSetSeries report = tracker.series();
        assertThat(report.sources()).isEqualTo(Set.of(LiveSetPoint.Source.OLD_GC));
        assertThat(report.trendPoints()).hasSize(7);
    }

    @Test
    void asManyInspectionsAsOldCollectionsWinAsTheMoreExactMeasurement() {
        LiveSetTracker tracker = new LiveSetTracker(new WarmUpClock(Duration.ZERO));
        for (int i = 0; i < 7; i++) {
            tracker.record(cycle(GcKind.OLD, 5 + 6 * i, 50 + 3L * i));
            tracker.record(inspection(6 + 6 * i, 48 + 3L * i));
        }

        LiveSetSeries report = tracker.series();
        assertThat(report.sources()).containsExactlyInAnyOrder(LiveSetPoint.Source.FULL_GC,
                LiveSetPoint.Source.HEAP_INSPECTION);
        assertThat(report.trendPoints()).extracting(LiveSetPoint::source).containsOnly(
                LiveSetPoint.Source.HEAP_INSPECTION).hasSize(7);
    }

    @Test
    void theEnvelopeTrendIsFittedOnTheLowestPointOfEachGroup() {
        List<HeapPoint> points = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            points.add(new HeapPoint(T0.plusSeconds(i), 100 + i % 3));
        }

        List<HeapPoint> thinned = LiveSetTracker.lowestOfGroups(points, 128, HeapPoint::bytes);

        assertThat(thinned).hasSizeLessThanOrEqualTo(128).allSatisfy(p -> assertThat(p.bytes()).isEqualTo(100));
        assertThat(LiveSetTracker.lowestOfGroups(points.subList(0, 50), 128, HeapPoint::bytes)).hasSize(50);
    }

    @Test
    void anInspectionRightAfterItsOwnFullCollectionCountsOnce() {
        LiveSetTracker tracker = new LiveSetTracker(new WarmUpClock(Duration.ZERO));
        for (int i = 0; i < 4; i++) {
            tracker.record(cycle(GcKind.FULL, 10 * i, 40 + i));
            tracker.record(inspection(10 * i + 0.2, 38 + i));
        }

        assertThat(tracker.series().trendPoints()).hasSize(4);
    }
}
