package io.leakwatch.core;

import java.util.Locale;

/** Formats byte counts for people: {@code 12.3 MB}, with decimal (SI) units as {@code jfr print} uses. */
public final class Bytes {
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB"};

    private Bytes() {
    }

    /** For example {@code 950 B}, {@code 1.2 kB}, {@code 45.0 MB}; negative values keep their sign. */
    public static String format(double bytes) {
        double magnitude = Math.abs(bytes);
        int unit = 0;
        while (magnitude >= 1000 && unit < UNITS.length - 1) {
            magnitude /= 1000;
            unit++;
        }
        String sign = bytes < 0 ? "-" : "";
        return unit == 0 ? String.format(Locale.ROOT, "%s%.0f %s", sign, magnitude, UNITS[unit])
                : String.format(Locale.ROOT, "%s%.1f %s", sign, magnitude, UNITS[unit]);
    }
}
