package io.leakwatch.core.internal;

import io.leakwatch.core.GcEvent;
import io.leakwatch.core.GcKind;
import io.leakwatch.core.GcWindowStatistics;
import io.leakwatch.core.KindStatistics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class GcStatisticsTrackerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final long MB = 1_000_000;

    private static GcCycle cycle(long id, GcKind kind, double atSeconds, long pauseMillis, long beforeMb,
                                 long afterMb) {
        Duration pause = Duration.ofMillis(pauseMillis);
        GcEvent event = new GcEvent(id, kind == GcKind.FULL ? "G1Full" : "G1New", kind, "test",
                T0.plusMillis((long) (atSeconds * 1000)), pause, pause);
        return new GcCycle(event, beforeMb * MB, afterMb * MB, 256 * MB, 256 * MB);
    }

    @Test
    void windowFiguresMatchHandComputedValues() {
        GcStatisticsTracker tracker = new GcStatisticsTracker(List.of(Duration.ofMinutes(1)));
        tracker.record(cycle(1, GcKind.YOUNG, 10, 10, 100, 20));
        tracker.record(cycle(2, GcKind.YOUNG, 20, 20, 110, 30));
        tracker.record(cycle(3, GcKind.YOUNG, 30, 30, 120, 40));
        tracker.record(cycle(4, GcKind.FULL, 40, 100, 50, 10));

        GcWindowStatistics minute = tracker.statistics().get(0);
        // The span runs from the first start (10 s) to the last end (40.1 s).
        assertThat(minute.name()).isEqualTo("1m");
        assertThat(minute.span()).isEqualTo(Duration.ofMillis(30_100));
        assertThat(minute.gcTimeShare()).isCloseTo(0.160 / 30.1, offset(1e-9));
        // Allocation: (110-20) + (120-30) + (50-40) MB; promotion: (30-20) + (40-30) MB between young collections.
        assertThat(minute.allocationBytesPerSecond()).isCloseTo(190 * MB / 30.1, offset(1.0));
        assertThat(minute.promotionBytesPerSecond()).isCloseTo(20 * MB / 30.1, offset(1.0));

        KindStatistics young = minute.kinds().get(0);
        assertThat(young.kind()).isEqualTo(GcKind.YOUNG);
        assertThat(young.count()).isEqualTo(3);
        assertThat(young.perMinute()).isCloseTo(3 / (30.1 / 60), offset(1e-9));
        assertThat(young.reclaimedBytes()).isEqualTo(240 * MB);
        // Two significant digits: within 1% of the exact value.
        assertThat(young.pauses().p50().toNanos()).isCloseTo(20_000_000L, offset(200_000L));
        assertThat(young.pauses().max().toNanos()).isCloseTo(30_000_000L, offset(300_000L));
        KindStatistics full = minute.kinds().get(1);
        assertThat(full.kind()).isEqualTo(GcKind.FULL);
        assertThat(full.reclaimedBytes()).isEqualTo(40 * MB);
    }

    @Test
    void aCollectionTimeBeyondWhatNanosecondsCanHoldDoesNotStopTheTracker() {
        GcStatisticsTracker tracker = new GcStatisticsTracker(List.of(Duration.ofMinutes(1)));
        tracker.record(cycle(1, GcKind.YOUNG, 10, 10, 100, 20));
        GcEvent damaged = new GcEvent(2, "G1New", GcKind.YOUNG, "test", Instant.parse("+100000-01-01T00:00:00Z"),
                Duration.ofMillis(5), Duration.ofMillis(5));
        tracker.record(new GcCycle(damaged, 110 * MB, 30 * MB, 256 * MB, 256 * MB));

        assertThat(tracker.statistics()).isNotEmpty();
    }

    @Test
    void collectionsOlderThanTheWindowDropOutButStayInTheRun() {
        GcStatisticsTracker tracker = new GcStatisticsTracker(List.of(Duration.ofMinutes(1)));
        for (int i = 0; i < 5; i++) {
            tracker.record(cycle(i + 1, GcKind.YOUNG, i, 5, 50, 10));
        }
        tracker.record(cycle(6, GcKind.YOUNG, 200, 5, 50, 10));

        List<GcWindowStatistics> statistics = tracker.statistics();
        assertThat(statistics).extracting(GcWindowStatistics::name).containsExactly("1m", "run");
        assertThat(statistics.get(0).collectionCount()).isEqualTo(1);
        assertThat(statistics.get(1).collectionCount()).isEqualTo(6);
    }

    @Test
    void noCollectionsGiveNoStatistics() {
        assertThat(new GcStatisticsTracker(List.of(Duration.ofMinutes(1))).statistics()).isEmpty();
    }
}
