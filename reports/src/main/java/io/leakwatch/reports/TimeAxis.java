package io.leakwatch.reports;

import io.leakwatch.core.LocalTimes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The time axis of the report's charts in local clock time: ticks at round times of day ({@code 14:05}, {@code
 * 14:10}), about six across the span, and a caption naming the date. Both charts share it, so the same moment sits
 * at the same place on both.
 */
final class TimeAxis {
    /** Tick spacings in seconds: round steps of a clock. */
    private static final long[] STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600,
            43200, 86400, 172800, 604800};
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);

    /** A tick: where, and what it reads. */
    record Tick(Instant time, String label) {
    }

    private TimeAxis() {
    }

    /** Ticks from {@code start} to {@code end}, about {@code count} of them, at round local times. */
    static List<Tick> ticks(Instant start, Instant end, int count, ZoneId zone) {
        long span = Math.max(1, end.getEpochSecond() - start.getEpochSecond());
        long step = STEPS[STEPS.length - 1];
        for (long candidate : STEPS) {
            if (span / candidate <= count) {
                step = candidate;
                break;
            }
        }
        // Round in local time, so that ticks fall on 14:05 and not on the UTC offset's idea of a round minute.
        long offset = zone.getRules().getOffset(start).getTotalSeconds();
        long local = start.getEpochSecond() + offset;
        long first = Math.floorDiv(local + step - 1, step) * step - offset;
        List<Tick> ticks = new ArrayList<>();
        for (long second = first; second <= end.getEpochSecond(); second += step) {
            Instant time = Instant.ofEpochSecond(second);
            String label = step >= 86400 || span > 86400 ? DAYS.format(time.atZone(zone))
                    : step >= 60 ? MINUTES.format(time.atZone(zone)) : LocalTimes.timeOfDay(time, zone);
            ticks.add(new Tick(time, label));
        }
        return ticks;
    }

    /** {@code local time, 2026-01-01}, or {@code local time, 2026-01-01 to 2026-01-03}, with the zone. */
    static String caption(Instant start, Instant end, ZoneId zone) {
        LocalDate first = start.atZone(zone).toLocalDate();
        LocalDate last = end.atZone(zone).toLocalDate();
        String offset = zone.getRules().getOffset(start).equals(ZoneOffset.UTC) ? "UTC"
                : "UTC" + zone.getRules().getOffset(start).getId();
        return "local time (" + offset + "), " + first + (first.equals(last) ? "" : " to " + last);
    }
}
