package io.leakwatch.core;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Formats instants as a person reads them: the local date and time to the second, {@code 2026-03-14 09:26:53}, in
 * the zone of the machine that renders the report (the monitor's JSON keeps ISO-8601 instants). Durations are
 * {@link Durations}'s.
 */
public final class LocalTimes {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private LocalTimes() {
    }

    /** {@code 2026-03-14 09:26:53} in this machine's zone. */
    public static String format(Instant instant) {
        return format(instant, ZoneId.systemDefault());
    }

    /** {@code 2026-03-14 09:26:53} in {@code zone}; the seconds are truncated, never rounded up. */
    public static String format(Instant instant, ZoneId zone) {
        return DATE_TIME.format(local(instant, zone));
    }

    /** The time of day alone, {@code 09:26:53}, for a chart's axis or a span within one day. */
    public static String timeOfDay(Instant instant, ZoneId zone) {
        return TIME.format(local(instant, zone));
    }

    /**
     * A span as a person reads it: {@code 2026-03-14 09:26:53 to 09:41:10}, the date written once when both ends
     * fall on the same day, and its length: {@code (14 min 17 s)}.
     */
    public static String span(Instant from, Instant to, ZoneId zone) {
        LocalDateTime start = local(from, zone);
        LocalDateTime end = local(to, zone);
        String last = start.toLocalDate().equals(end.toLocalDate()) ? TIME.format(end) : DATE_TIME.format(end);
        return DATE_TIME.format(start) + " to " + last + " (" + Durations.format(Duration.between(from, to))
                + ")";
    }

    /** {@link #span(Instant, Instant, ZoneId)} in this machine's zone. */
    public static String span(Instant from, Instant to) {
        return span(from, to, ZoneId.systemDefault());
    }

    private static LocalDateTime local(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), zone);
    }
}
