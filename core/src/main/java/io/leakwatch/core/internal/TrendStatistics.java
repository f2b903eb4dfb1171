package io.leakwatch.core.internal;

import java.util.Arrays;

/**
 * Pure functions for robust trend estimation and the tests built on them. Series are given as x (seconds) and y
 * (bytes) arrays of equal length, sorted by x.
 */
final class TrendStatistics {
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
        return count == 0 ? 0 : medianInPlace(slopes, count);
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
    static double mannKendallIncreasingPValue(double[] y) {
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
     * The log Bayes factor for "the series has a slope" against "it has none", with the intercept and the noise
     * unknown: a g-prior on the slope with right-Haar (flat, 1/σ) priors on intercept and noise gives
     * BF(g) = (1+g)^((n−2)/2) · [1 + g(1−R²)]^(−(n−1)/2) (Zellner 1986; Liang, Paulo, Molina, Clyde and Berger 2008,
     * "Mixtures of g priors for Bayesian variable selection", JASA 103:410, eq. 5 with one predictor). Taking
     * g = τ² · Sxx fixes the prior of the slope in units of the noise, slope/σ ~ N(0, τ²) per second, whatever the
     * design, so that the factor is a likelihood ratio of the same two hypotheses at every n: under "no slope" it is
     * then a test martingale of the location- and scale-invariant data (Pérez-Ortiz, Lardy, de Heide and Grünwald
     * 2024, "E-statistics, group invariance and anytime-valid testing", Ann. Statist. 52:1410), and by Ville's
     * inequality it exceeds 1/α at any time with probability at most α. The result is the average of BF over the
     * prior scales {@code tauPerSecond}, itself such a martingale.
     *
     * @param points       n, at least 3
     * @param sxx          Σ (x − x̄)², in seconds²
     * @param rSquared     the share of the variance of y that the fitted line explains (0 to 1)
     * @param tauPerSecond prior scales of slope/noise
     */
    static double logBayesFactorOfSlope(int points, double sxx, double rSquared, double[] tauPerSecond) {
        double unexplained = Math.max(0, 1 - rSquared);
        double[] logFactors = new double[tauPerSecond.length];
        for (int i = 0; i < tauPerSecond.length; i++) {
            double g = tauPerSecond[i] * tauPerSecond[i] * sxx;
            logFactors[i] = (points - 2) / 2.0 * Math.log1p(g) - (points - 1) / 2.0 * Math.log1p(g * unexplained);
        }
        return logMeanExp(logFactors);
    }

    /** log((e^a₁ + ... + e^aₖ) / k), computed without overflow. */
    static double logMeanExp(double[] logs) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : logs) {
            max = Math.max(max, value);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double value : logs) {
            sum += Math.exp(value - max);
        }
        return max + Math.log(sum / logs.length);
    }

    /** Σ (x − x̄)². */
    static double sumOfSquaredDeviations(double[] x) {
        double mean = Arrays.stream(x).average().orElse(0);
        double sum = 0;
        for (double value : x) {
            sum += (value - mean) * (value - mean);
        }
        return sum;
    }

    /** Σ residual² around the line {@code intercept + slope * x}. */
    static double residualSumOfSquares(double[] x, double[] y, double slope, double intercept) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double residual = y[i] - (intercept + slope * x[i]);
            sum += residual * residual;
        }
        return sum;
    }

    /**
     * Quantile of Student's t distribution with {@code df} degrees of freedom: exact for 1 and 2 (t = tan(π(p − ½))
     * and t = (2p − 1) / √(2p(1 − p))), else the Cornish–Fisher expansion in 1/df of Abramowitz and Stegun 26.7.5,
     * within 0.3% from df = 3 at the probabilities used here (0.9 to 0.999).
     */
    static double studentTQuantile(double p, int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be at least 1, was " + df);
        }
        if (df == 1) {
            return Math.tan(Math.PI * (p - 0.5));
        }
        if (df == 2) {
            return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
        }
        double z = standardNormalQuantile(p);
        double z2 = z * z;
        double v = df;
        return z + z * (z2 + 1) / (4 * v)
                + z * ((5 * z2 + 16) * z2 + 3) / (96 * v * v)
                + z * (((3 * z2 + 19) * z2 + 17) * z2 - 15) / (384 * v * v * v)
                + z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) / (92160 * v * v * v * v);
    }

    /**
     * Quantile of the standard normal distribution: Acklam's rational approximation (relative error below 1.2e-9),
     * one step of Halley's refinement dropped as unneeded at that accuracy.
     */
    static double standardNormalQuantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1), was " + p);
        }
        final double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        final double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                6.680131188771972e+01, -1.328068155288572e+01};
        final double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        final double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            return -standardNormalQuantile(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
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
        return medianInPlace(Arrays.copyOf(values, count), count);
    }

    /**
     * The median of the first {@code count} values, reordering them: Hoare's selection (quickselect) in expected
     * O(n), where a sort would be O(n log n); Theil–Sen takes the median of n²/2 slopes at every analysis.
     */
    private static double medianInPlace(double[] values, int count) {
        int middle = count / 2;
        double upper = select(values, count, middle);
        if (count % 2 == 1) {
            return upper;
        }
        double lower = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < middle; i++) { // after selection, everything before middle is at most values[middle]
            lower = Math.max(lower, values[i]);
        }
        return (lower + upper) / 2;
    }

    /** The k-th smallest (from 0) of the first {@code count} values, partitioning them around it. */
    private static double select(double[] values, int count, int k) {
        int left = 0;
        int right = count - 1;
        while (left < right) {
            double pivot = values[(left + right) >>> 1];
            int i = left;
            int j = right;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double swap = values[i];
                    values[i] = values[j];
                    values[j] = swap;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return values[k];
            }
        }
        return values[k];
    }
}
