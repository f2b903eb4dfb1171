package io.leakwatch.core.internal;

import java.util.Arrays;

/**
 * Pure functions for robust trend estimation, shared by the live-set trend and the type-growth test. All take x
 * (seconds) and y (bytes) arrays of equal length, sorted by x.
 */
public final class TrendStatistics {
    private TrendStatistics() {
    }

    /**
     * Theil–Sen estimator: the median of the slopes of all pairs with distinct x (Sen 1968, "Estimates of the
     * regression coefficient based on Kendall's tau", JASA 63:1379). Breakdown point 29%: a few outliers (a
     * batch job caught mid-batch) do not move it. O(n²) in time; callers keep n in the hundreds.
     *
     * @return the slope, or 0 with fewer than two distinct x values
     */
    static double theilSenSlope(double[] x, double[] y) {
        int n = x.length;
        double[] slopes = new double[n * (n - 1) / 2];
        int count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = x[j] - x[i];
                if (dx != 0) {
                    slopes[count++] = (y[j] - y[i]) / dx;
                }
            }
        }
        return count == 0 ? 0 : median(slopes, count);
    }

    /** Intercept of the Theil–Sen line: the median of {@code y - slope * x} (Conover's choice). */
    static double theilSenIntercept(double[] x, double[] y, double slope) {
        double[] residuals = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            residuals[i] = y[i] - slope * x[i];
        }
        return median(residuals, residuals.length);
    }

    /**
     * One-sided Mann–Kendall test for an increasing trend (Mann 1945; Kendall 1975). S = Σ_{i<j} sgn(y_j − y_i);
     * Var(S) = [n(n−1)(2n+5) − Σ_t t(t−1)(2t+5)] / 18 with t the sizes of groups of tied values; Z = (S − 1) /
     * √Var(S) for S &gt; 0 (continuity correction), and the p-value is 1 − Φ(Z).
     *
     * @return the p-value that a series without trend would show an S this large, or 1 for fewer than 3 points
     */
    public static double mannKendallIncreasingPValue(double[] y) {
        int n = y.length;
        if (n < 3) {
            return 1;
        }
        long s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                s += Double.compare(y[j], y[i]) > 0 ? 1 : Double.compare(y[j], y[i]) < 0 ? -1 : 0;
            }
        }
        double variance = n * (n - 1.0) * (2 * n + 5) - tieCorrection(y);
        variance /= 18;
        if (s <= 0 || variance <= 0) {
            return s > 0 ? 0 : 1;
        }
        double z = (s - 1) / Math.sqrt(variance);
        return 1 - standardNormalCdf(z);
    }

    /**
     * A robust estimate of the scatter around a line: 1.4826 times the median absolute deviation of the residuals
     * from their median (the factor makes it match the standard deviation for normal noise; Rousseeuw and Croux
     * 1993).
     */
    static double residualSigma(double[] x, double[] y, double slope, double intercept) {
        double[] residuals = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            residuals[i] = y[i] - (intercept + slope * x[i]);
        }
        double center = median(residuals, residuals.length);
        double[] deviations = new double[residuals.length];
        for (int i = 0; i < residuals.length; i++) {
            deviations[i] = Math.abs(residuals[i] - center);
        }
        return 1.4826 * median(deviations, deviations.length);
    }

    private static double tieCorrection(double[] y) {
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        double correction = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
                j++;
            }
            double t = j - i + 1;
            correction += t * (t - 1) * (2 * t + 5);
            i = j + 1;
        }
        return correction;
    }

    /**
     * Φ(z) through the complementary error function, with the erfc approximation of Numerical Recipes (3rd ed.,
     * §6.2.2, Chebyshev fit), accurate to 1.2e-7.
     */
    static double standardNormalCdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    private static double erfc(double x) {
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double tau = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? tau : 2 - tau;
    }

    static double median(double[] values, int count) {
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int middle = count / 2;
        return count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
