package io.leakwatch.core;

import java.time.Duration;
import java.time.Instant;

/**
 * A robust straight line through a kind's measurements and the evidence about its slope, as {@link Trend} is for
 * the live set; values are in the kind's unit ({@link LeakKind#unit()}).
 *
 * @param points                   how many measurements it rests on
 * @param from                     time of the first
 * @param to                       time of the last
 * @param slopePerSecond           Theil–Sen slope, in the kind's unit per second
 * @param fittedLatest             the line's value at {@code to}
 * @param noise                    standard deviation of the measurements around the line
 * @param logBayesFactor           natural log of the Bayes factor for a slope against none
 * @param slopeUpperBoundPerSecond upper confidence bound of the slope at 1 − β
 * @param timeToExhaustion         time from {@code to} until the line reaches the kind's maximum, or null when it
 *                                 does not rise or the kind has no known maximum
 */
public record SeriesTrend(int points, Instant from, Instant to, double slopePerSecond, double fittedLatest,
                          double noise, double logBayesFactor, double slopeUpperBoundPerSecond,
                          Duration timeToExhaustion) {

    /** Slope per minute. */
    public double slopePerMinute() {
        return slopePerSecond * 60;
    }

    /** Span of time the points cover. */
    public Duration span() {
        return Duration.between(from, to);
    }
}
