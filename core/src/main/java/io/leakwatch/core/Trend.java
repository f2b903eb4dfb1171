package io.leakwatch.core;

import java.time.Duration;
import java.time.Instant;

/**
 * A robust linear trend of a byte series over time, with its significance.
 *
 * @param points               how many points the trend rests on
 * @param from                 time of the first point
 * @param to                   time of the last point
 * @param slopeBytesPerSecond  Theil–Sen slope: the median of all pairwise slopes
 * @param fittedLatestBytes    the fitted value at {@code to}
 * @param pValue               one-sided Mann–Kendall p-value for "the series increases" (1 when it cannot be
 *                             computed)
 * @param recentSlopeBytesPerSecond Theil–Sen slope of the later half of the points; much lower than the whole
 *                             slope means growth is levelling off
 * @param saturating           whether growth has levelled off (a cache that filled to its bound)
 * @param residualSigmaBytes   robust scatter of the points around the line (1.4826 × median absolute deviation)
 * @param timeToExhaustion     projected time until the fitted line reaches the maximum heap, or null when the
 *                             series is not growing or the maximum is unknown
 */
public record Trend(int points, Instant from, Instant to, double slopeBytesPerSecond, double fittedLatestBytes,
                    double pValue, double recentSlopeBytesPerSecond, boolean saturating, double residualSigmaBytes,
                    Duration timeToExhaustion) {

    /** Slope in bytes per minute. */
    public double slopeBytesPerMinute() {
        return slopeBytesPerSecond * 60;
    }

    /** Span of time the points cover. */
    public Duration span() {
        return Duration.between(from, to);
    }

    /** Total growth over the span according to the fitted slope. */
    public double growthBytes() {
        return slopeBytesPerSecond * span().toNanos() / 1e9;
    }
}
