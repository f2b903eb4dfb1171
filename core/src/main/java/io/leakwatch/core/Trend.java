package io.leakwatch.core;

import java.time.Duration;
import java.time.Instant;

/**
 * A robust straight line through a series of heap measurements, and the evidence about its slope.
 *
 * @param points                        how many measurements it rests on
 * @param from                          time of the first
 * @param to                            time of the last
 * @param slopeBytesPerSecond           Theil–Sen slope: the median of all pairwise slopes
 * @param fittedLatestBytes             the line's value at {@code to}
 * @param noiseBytes                    standard deviation of the measurements around the line
 * @param logBayesFactor                natural log of the Bayes factor for "the series has a slope" against "it has
 *                                      none" (docs/ARCHITECTURE.md, "The decision"); above ln(1/α) is growth
 * @param slopeUpperBoundBytesPerSecond upper confidence bound of the slope at the analysis' confidence (1 − β)
 * @param timeToExhaustion              time from {@code to} until the line reaches the maximum heap, or null when it
 *                                      does not rise or the maximum is unknown
 */
public record Trend(int points, Instant from, Instant to, double slopeBytesPerSecond, double fittedLatestBytes,
                    double noiseBytes, double logBayesFactor, double slopeUpperBoundBytesPerSecond,
                    Duration timeToExhaustion) {

    /** Slope in bytes per minute. */
    public double slopeBytesPerMinute() {
        return slopeBytesPerSecond * 60;
    }

    /** Span of time the points cover. */
    public Duration span() {
        return Duration.between(from, to);
    }

    /** Total growth over the span according to the slope. */
    public double growthBytes() {
        return slopeBytesPerSecond * span().toNanos() / 1e9;
    }
}
