package io.leakwatch.core;

import java.util.Locale;

/** Formats a Bayes factor as odds a reader can weigh: {@code 1200:1}, {@code 3.4e+05:1}, {@code 1:25}. */
public final class Odds {
    private Odds() {
    }

    /** The odds of a natural-log Bayes factor, for example {@link Trend#logBayesFactor()}. */
    public static String format(double logBayesFactor) {
        double odds = Math.exp(Math.abs(logBayesFactor));
        String text = odds < 1e4 ? String.format(Locale.ROOT, "%.0f", odds) : String.format(Locale.ROOT, "%.1e", odds);
        return logBayesFactor >= 0 ? text + ":1" : "1:" + text;
    }
}
