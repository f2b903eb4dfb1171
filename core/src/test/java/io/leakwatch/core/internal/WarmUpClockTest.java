package io.leakwatch.core.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WarmUpClockTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final long MB = 1_000_000;

    @Test
    void theWarmUpLastsItsLengthFromTheFirstEvent() {
        WarmUpClock clock = new WarmUpClock(Duration.ofSeconds(30));
        assertThat(clock.end()).isEqualTo(Instant.MIN);

        clock.noteTime(T0.plusSeconds(4));
        clock.noteTime(T0.plusSeconds(2));

        assertThat(clock.end()).isEqualTo(T0.plusSeconds(32));
        assertThat(clock.endedEarly()).isFalse();
    }

    @Test
    void aHeapAboutToFillEndsTheWarmUpAtOnce() {
        // 4 MB/s into a 96 MB heap: half full at 12 s, the rest gone within a minute at that rate.
        WarmUpClock clock = new WarmUpClock(Duration.ofSeconds(30));
        clock.noteTime(T0);
        for (double t = 0.5; t <= 20; t += 0.5) {
            clock.noteAfterGc(at(t), (long) (8 * MB + 4 * MB * t), 96 * MB);
        }

        assertThat(clock.endedEarly()).isTrue();
        assertThat(clock.end()).isBetween(at(10), at(13));
    }

    @Test
    void aStartUpThatFillsTheHeapSlowlyOrOnlyAQuarterOfItKeepsTheWarmUp() {
        WarmUpClock slow = new WarmUpClock(Duration.ofSeconds(30));
        WarmUpClock small = new WarmUpClock(Duration.ofSeconds(30));
        slow.noteTime(T0);
        small.noteTime(T0);
        for (double t = 0.5; t <= 30; t += 0.5) {
            slow.noteAfterGc(at(t), (long) (130 * MB + MB * t / 10), 256 * MB); // half full, but ~0.1 MB/s
            small.noteAfterGc(at(t), (long) (10 * MB + 2 * MB * t), 256 * MB); // fast, but under half full
        }

        assertThat(slow.endedEarly()).isFalse();
        assertThat(small.endedEarly()).isFalse();
    }

    private static Instant at(double seconds) {
        return T0.plusMillis((long) (seconds * 1000));
    }
}
