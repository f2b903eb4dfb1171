package io.leakwatch.core.internal;

import io.leakwatch.core.Trend;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.ToLongFunction;

/** Fits a {@link Trend} to a time series of bytes. */
final class TrendEstimator {
    /** Growth in the later half below this share of the whole slope counts as levelling off. */
    static final double SATURATION_SLOPE_RATIO = 0.3;
    /** The later half must itself show no significant growth at this level to count as levelled off. */
    private static final double SATURATION_P_VALUE = 0.1;
    /** Fewer points than this in the later half cannot show levelling off. */
    private static final int MIN_POINTS_FOR_SATURATION = 3;

    private TrendEstimator() {
    }

    /**
     * @param times     point times, ascending
     * @param bytes     how to read a point's bytes
     * @param maxBytes  the heap's maximum, or 0 when unknown
     * @return the trend, or null with fewer than two points
     */
    static <T> Trend fit(List<T> points, java.util.function.Function<T, Instant> times, ToLongFunction<T> bytes,
                         long maxBytes) {
        int n = points.size();
        if (n < 2) {
            return null;
        }
        Instant origin = times.apply(points.get(0));
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Duration.between(origin, times.apply(points.get(i))).toNanos() / 1e9;
            y[i] = bytes.applyAsLong(points.get(i));
        }
        double slope = TrendStatistics.theilSenSlope(x, y);
        double intercept = TrendStatistics.theilSenIntercept(x, y, slope);
        double fittedLatest = intercept + slope * x[n - 1];
        double pValue = TrendStatistics.mannKendallIncreasingPValue(y);

        int half = n / 2;
        double[] laterX = java.util.Arrays.copyOfRange(x, half, n);
        double[] laterY = java.util.Arrays.copyOfRange(y, half, n);
        double recentSlope = TrendStatistics.theilSenSlope(laterX, laterY);
        boolean saturating = slope > 0 && laterX.length >= MIN_POINTS_FOR_SATURATION
                && recentSlope < SATURATION_SLOPE_RATIO * slope
                && TrendStatistics.mannKendallIncreasingPValue(laterY) > SATURATION_P_VALUE;

        Duration exhaustion = null;
        if (slope > 0 && maxBytes > 0 && !saturating) {
            double seconds = Math.max(0, (maxBytes - fittedLatest) / slope);
            exhaustion = Duration.ofMillis((long) Math.min(Long.MAX_VALUE / 2.0, seconds * 1000));
        }
        double sigma = TrendStatistics.residualSigma(x, y, slope, intercept);
        return new Trend(n, origin, times.apply(points.get(n - 1)), slope, fittedLatest, pValue, recentSlope,
                saturating, sigma, exhaustion);
    }
}
