package io.leakwatch.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTest {
    @Test
    void durationsReadAsAPersonSaysThem() {
        assertThat(Durations.format(Duration.ofSeconds(76))).isEqualTo("1 min 16 s");
        assertThat(Durations.format(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(Durations.format(Duration.ofMinutes(3))).isEqualTo("3 min");
        assertThat(Durations.format(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
        assertThat(Durations.format(Duration.ofDays(3))).isEqualTo("3 days");
    }

    @Test
    void pausesUnderASecondKeepTheirDigits() {
        assertThat(Durations.format(Duration.ofMillis(180))).isEqualTo("180 ms");
        assertThat(Durations.format(Duration.ofNanos(3_470_000))).isEqualTo("3.4 ms");
        assertThat(Durations.format(Duration.ofNanos(420_000))).isEqualTo("420 µs");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0 ms");
    }
}
