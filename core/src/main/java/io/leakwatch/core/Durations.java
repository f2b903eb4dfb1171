package io.leakwatch.core;

import java.time.Duration;

/**
 * Formats durations for people, in the largest units that fit: {@code 45 s}, {@code 1 min 16 s}, {@code 2 h 5 min};
 * under a second, as GC pauses are, {@code 180 ms}, {@code 3.4 ms}, {@code 420 µs}. Instants are {@link LocalTimes}'s.
 */
public final class Durations {
    private Durations() {
    }

    /**
     * The duration in words, truncated to its unit; under a second in milliseconds, with a decimal under 10 ms, and
     * in microseconds under 1 ms (a ZGC pause is some tens of them).
     */
    public static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 1) {
            long micros = duration.toNanos() / 1000;
            if (micros == 0) {
                return "0 ms";
            }
            if (micros < 1000) {
                return micros + " µs";
            }
            if (micros < 10_000) {
                return micros / 1000 + "." + micros % 1000 / 100 + " ms";
            }
            return duration.toMillis() + " ms";
        }
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        if (seconds < 86400 * 2) {
            return seconds / 3600 + " h" + (seconds % 3600 / 60 == 0 ? "" : " " + seconds % 3600 / 60 + " min");
        }
        return seconds / 86400 + " days";
    }
}
