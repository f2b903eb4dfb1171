package io.leakwatch.core;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class LocalTimesTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void anInstantIsTheLocalDateAndTimeToTheSecond() {
        assertThat(LocalTimes.format(Instant.parse("2026-03-14T08:26:53.999Z"), PARIS))
                .isEqualTo("2026-03-14 09:26:53");
        assertThat(LocalTimes.timeOfDay(Instant.parse("2026-07-14T08:26:53Z"), PARIS)).isEqualTo("10:26:53");
    }

    @Test
    void aSpanWritesItsDateOnceWithinOneDay() {
        assertThat(LocalTimes.span(Instant.parse("2026-03-14T08:26:53Z"), Instant.parse("2026-03-14T08:28:09Z"), PARIS))
                .isEqualTo("2026-03-14 09:26:53 to 09:28:09 (1 min 16 s)");
        assertThat(LocalTimes.span(Instant.parse("2026-03-14T22:59:00Z"), Instant.parse("2026-03-14T23:01:00Z"), PARIS))
                .isEqualTo("2026-03-14 23:59:00 to 2026-03-15 00:01:00 (2 min)");
    }
}
