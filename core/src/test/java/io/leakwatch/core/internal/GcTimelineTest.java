package io.leakwatch.core.internal;

import io.leakwatch.core.GcEvent;
import io.leakwatch.core.GcKind;
import io.leakwatch.core.GcPoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class GcTimelineTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static GcCycle collection(long id, GcKind kind, long atMillis, long pauseMicros) {
        Duration pause = Duration.ofNanos(pauseMicros * 1000);
        return new GcCycle(new GcEvent(id, "test", kind, "test", T0.plusMillis(atMillis), pause, pause), 100, 50, 200,
                200);
    }

    @Test
    void fewFullCollectionsSurviveAmongThousandsOfYoungOnes() {
        GcTimeline timeline = new GcTimeline();
        for (int i = 0; i < 10_000; i++) {
            timeline.record(collection(i, GcKind.YOUNG, i * 100L, i == 5_000 ? 90_000 : 1_000 + i % 7));
            if (i % 2_500 == 0) {
                timeline.record(collection(100_000 + i, GcKind.FULL, i * 100L + 50, 200_000));
            }
        }

        var points = timeline.points();
        assertThat(points).filteredOn(p -> p.kind() == GcKind.FULL).hasSize(4);
        assertThat(points).filteredOn(p -> p.kind() == GcKind.YOUNG).hasSizeLessThanOrEqualTo(GcTimeline.PER_KIND);
        // The counts add up to every collection, so frequencies can be read from the thinned timeline.
        assertThat(points.stream().filter(p -> p.kind() == GcKind.YOUNG).mapToLong(GcPoint::collections).sum())
                .isEqualTo(10_000);
        // The longest young pause is never merged away.
        assertThat(points).anySatisfy(p -> assertThat(p.pause()).isEqualTo(Duration.ofMillis(90)));
        assertThat(points).isSortedAccordingTo((a, b) -> a.time().compareTo(b.time()));
    }
}
