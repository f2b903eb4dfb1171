package io.leakwatch.core;

import java.time.Duration;

/**
 * Pause-time percentiles of one kind of collection in one window. Values come from an HdrHistogram with two
 * significant digits, so they are within 1% of the exact percentile.
 *
 * @param p50 median pause
 * @param p90 90th percentile
 * @param p99 99th percentile
 * @param max longest pause
 */
public record PauseStatistics(Duration p50, Duration p90, Duration p99, Duration max) {
    /** No pauses recorded. */
    public static final PauseStatistics NONE = new PauseStatistics(Duration.ZERO, Duration.ZERO, Duration.ZERO,
            Duration.ZERO);
}
