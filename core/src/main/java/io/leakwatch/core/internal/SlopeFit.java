package io.leakwatch.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A robust straight line through a byte series and the evidence about its slope: the Theil–Sen slope, the scatter of
 * the points around it, the Bayes factor for growth and an upper confidence bound of the slope. Noise is assumed
 * independent between points with one unknown spread; both the factor and the bound account for not knowing it,
 * so that three points on a line by chance do not make a leak.
 */
final class SlopeFit {
    /**
     * Asymptotic efficiency of the Theil–Sen slope against least squares for normal noise and evenly spaced points,
     * 3/π (Sen 1968, section 5): its variance is that of least squares divided by this.
     */
    private static final double THEIL_SEN_EFFICIENCY = 3 / Math.PI;

    private final Instant from;
    private final Instant to;
    private final int points;
    private final double slope;
    private final double fittedLatest;
    private final double residualSumOfSquares;
    private final double rSquared;
    private final double sxx;

    private SlopeFit(Instant from, Instant to, int points, double slope, double fittedLatest,
                     double residualSumOfSquares, double rSquared, double sxx) {
        this.from = from;
        this.to = to;
        this.points = points;
        this.slope = slope;
        this.fittedLatest = fittedLatest;
        this.residualSumOfSquares = residualSumOfSquares;
        this.rSquared = rSquared;
        this.sxx = sxx;
    }

    /** The fit of points in time order, or null with fewer than three (two points leave no room for noise). */
    static <T> SlopeFit of(List<T> series, Function<T, Instant> time, ToLongFunction<T> bytes) {
        int n = series.size();
        if (n < 3) {
            return null;
        }
        Instant origin = time.apply(series.get(0));
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Duration.between(origin, time.apply(series.get(i))).toNanos() / 1e9;
            y[i] = bytes.applyAsLong(series.get(i));
        }
        double slope = TrendStatistics.theilSenSlope(x, y);
        double intercept = TrendStatistics.theilSenIntercept(x, y, slope);
        double rss = TrendStatistics.residualSumOfSquares(x, y, slope, intercept);
        double syy = TrendStatistics.sumOfSquaredDeviations(y);
        // Residuals around the Theil–Sen line are at least those of least squares, so this R² is at most the
        // least-squares one: a conservative input to the Bayes factor.
        double rSquared = syy > 0 ? Math.max(0, 1 - rss / syy) : 0;
        return new SlopeFit(origin, time.apply(series.get(n - 1)), n, slope, intercept + slope * x[n - 1], rss,
                rSquared, TrendStatistics.sumOfSquaredDeviations(x));
    }

    int points() {
        return points;
    }

    Instant from() {
        return from;
    }

    Instant to() {
        return to;
    }

    Duration span() {
        return Duration.between(from, to);
    }

    double spanSeconds() {
        return span().toNanos() / 1e9;
    }

    double slopeBytesPerSecond() {
        return slope;
    }

    /** The fitted value at the latest point. */
    double fittedLatestBytes() {
        return fittedLatest;
    }

    /** Growth over the span according to the slope. */
    double growthBytes() {
        return slope * spanSeconds();
    }

    /** The estimated standard deviation of the points around the line, with n − 2 degrees of freedom. */
    double noiseBytes() {
        return Math.sqrt(residualSumOfSquares / (points - 2));
    }

    /** The log Bayes factor for a slope against none; see {@link TrendStatistics#logBayesFactorOfSlope}. */
    double logBayesFactor(double[] tauPerSecond) {
        if (sxx <= 0) {
            return 0;
        }
        return TrendStatistics.logBayesFactorOfSlope(points, sxx, rSquared, tauPerSecond);
    }

    /**
     * The one-sided upper confidence bound of the slope at the given level: slope + t(level, n − 2) · σ̂ /
     * √(Sxx · 3/π), the Student bound for a slope whose noise is estimated from the same points.
     */
    double slopeUpperBound(double level) {
        if (sxx <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return slope + TrendStatistics.studentTQuantile(level, points - 2) * slopeStandardError();
    }

    /**
     * The standard error of the slope, σ̂ / √(Sxx · 3/π): how precisely these points measure it, whatever it is
     * (infinite when the points share one time).
     */
    double slopeStandardError() {
        return sxx <= 0 ? Double.POSITIVE_INFINITY : noiseBytes() / Math.sqrt(sxx * THEIL_SEN_EFFICIENCY);
    }

    /** When the line reaches {@code maxBytes}, from the latest point; null when it does not rise or max is unknown. */
    Duration timeTo(long maxBytes) {
        if (slope <= 0 || maxBytes <= 0) {
            return null;
        }
        double seconds = Math.max(0, (maxBytes - fittedLatest) / slope);
        return Duration.ofMillis((long) Math.min(Long.MAX_VALUE / 2.0, seconds * 1000));
    }
}
