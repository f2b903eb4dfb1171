package io.leakwatch.core.internal;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EpochNanosTest {
    @Test
    void aTimeWithinTheRangeGoesBothWaysUnchanged() {
        Instant time = Instant.parse("2026-12-03T06:13:04.123456789Z");
        assertThat(EpochNanos.toInstant(EpochNanos.of(time))).isEqualTo(time);
        Instant beforeTheEpoch = Instant.parse("1969-12-31T23:59:59.5Z");
        assertThat(EpochNanos.of(beforeTheEpoch)).isEqualTo(-500_000_000L);
        assertThat(EpochNanos.toInstant(-500_000_000L)).isEqualTo(beforeTheEpoch);
    }

    @Test
    void timesBeyondWhatALongHoldsSaturateInOrder() {
        long latest = EpochNanos.of(Instant.MAX);
        long earliest = EpochNanos.of(Instant.MIN);
        assertThat(latest).isGreaterThan(EpochNanos.of(Instant.parse("2262-01-01T00:00:00Z")));
        assertThat(earliest).isLessThan(EpochNanos.of(Instant.parse("1678-01-01T00:00:00Z")));
        assertThat(EpochNanos.of(Instant.parse("+100000-01-01T00:00:00Z"))).isBetween(
                EpochNanos.of(Instant.parse("2262-01-01T00:00:00Z")), latest);
        assertThat(EpochNanos.of(Instant.parse("-100000-01-01T00:00:00Z"))).isBetween(
                earliest, EpochNanos.of(Instant.parse("1678-01-01T00:00:00Z")));
    }
}
