package io.leakwatch.core;

import java.time.Duration;

/** Formats durations for people, in the largest units that fit: {@code 45 s}, {@code 3 min 10 s}, {@code 2 h 5 min}. */
public final class Durations {
    private Durations() {
    }

    /** The duration in words; under a second it is given in milliseconds. */
    public static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 1) {
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
