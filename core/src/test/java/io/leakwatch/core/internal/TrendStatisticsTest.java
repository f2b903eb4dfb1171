package io.leakwatch.core.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class TrendStatisticsTest {

    @Test
    void theilSenIgnoresAnOutlierThatWouldDragLeastSquares() {
        double[] x = {0, 1, 2, 3, 4};
        double[] y = {0, 2, 4, 6, 100};
        // Pairwise slopes: six of them are 2, the others 25, 32.7, 48, 94; the median of ten is 2.
        double slope = TrendStatistics.theilSenSlope(x, y);

        assertThat(slope).isEqualTo(2.0);
        assertThat(TrendStatistics.theilSenIntercept(x, y, slope)).isEqualTo(0.0);
    }

    @Test
    void mannKendallOfAStrictlyRisingSeriesMatchesTheHandComputedValue() {
        // S = 10, Var(S) = 5*4*15/18 = 16.667, Z = (10-1)/4.0825 = 2.2045, p = 1 - Phi(Z) = 0.01374.
        double p = TrendStatistics.mannKendallIncreasingPValue(new double[]{1, 2, 3, 4, 5});

        assertThat(p).isCloseTo(0.01374, offset(1e-4));
    }

    @Test
    void mannKendallCorrectsTheVarianceForTies() {
        // S = 4, Var(S) = (4*3*13 - 2*(2*1*9))/18 = 6.667, Z = 3/2.582 = 1.162, p = 0.1226.
        double p = TrendStatistics.mannKendallIncreasingPValue(new double[]{1, 1, 2, 2});

        assertThat(p).isCloseTo(0.1226, offset(1e-3));
    }

    @Test
    void mannKendallOfAFallingOrFlatSeriesIsNotSignificant() {
        assertThat(TrendStatistics.mannKendallIncreasingPValue(new double[]{5, 4, 3, 2, 1})).isEqualTo(1.0);
        assertThat(TrendStatistics.mannKendallIncreasingPValue(new double[]{3, 3, 3, 3})).isEqualTo(1.0);
        assertThat(TrendStatistics.mannKendallIncreasingPValue(new double[]{1, 2})).isEqualTo(1.0);
    }

    @Test
    void standardNormalCdfMatchesTables() {
        assertThat(TrendStatistics.standardNormalCdf(0)).isCloseTo(0.5, offset(1e-7));
        assertThat(TrendStatistics.standardNormalCdf(1.959964)).isCloseTo(0.975, offset(1e-6));
        assertThat(TrendStatistics.standardNormalCdf(-1)).isCloseTo(0.158655, offset(1e-6));
    }

    @Test
    void quantilesMatchTables() {
        assertThat(TrendStatistics.standardNormalQuantile(0.975)).isCloseTo(1.959964, offset(1e-6));
        assertThat(TrendStatistics.standardNormalQuantile(0.001)).isCloseTo(-3.090232, offset(1e-6));
        // Student's t, one-sided 95%: df 1 6.314, 2 2.920, 3 2.353, 5 2.015, 10 1.812, 30 1.697.
        int[] df = {1, 2, 3, 5, 10, 30};
        double[] t95 = {6.3138, 2.9200, 2.3534, 2.0150, 1.8125, 1.6973};
        for (int i = 0; i < df.length; i++) {
            assertThat(TrendStatistics.studentTQuantile(0.95, df[i])).as("df %d", df[i]).isCloseTo(t95[i],
                    offset(t95[i] * 0.003));
        }
    }

    @Test
    void theBayesFactorGrowsWithTheFitAndThePointsAndPenalisesFewPoints() {
        double[] scales = Thresholds.PRIOR_SCALES_PER_SECOND;
        // With three points a perfect line is still weak evidence: the noise could be anything.
        assertThat(TrendStatistics.logBayesFactorOfSlope(3, 200, 0.999, scales)).isLessThan(Math.log(10));
        double four = TrendStatistics.logBayesFactorOfSlope(4, 500, 0.99, scales);
        double eight = TrendStatistics.logBayesFactorOfSlope(8, 4200, 0.99, scales);
        assertThat(eight).isGreaterThan(four).isGreaterThan(Math.log(1000));
        assertThat(TrendStatistics.logBayesFactorOfSlope(8, 4200, 0.2, scales)).isLessThan(0);
    }

    @Test
    void underNoTrendTheBayesFactorSeldomEverReachesOneOverAlpha() {
        // Ville's inequality: P(sup BF ≥ 1/α) ≤ α for the invariant Bayes factor. 2000 series of 40 flat noisy
        // points, tested after each point: at α = 0.05 at most about 5% may ever cross (the bound is not tight).
        java.util.Random random = new java.util.Random(11);
        int crossed = 0;
        for (int series = 0; series < 2000; series++) {
            double[] x = new double[40];
            double[] y = new double[40];
            for (int i = 0; i < 40; i++) {
                x[i] = 15.0 * i;
                y[i] = 60e6 + random.nextGaussian() * 2e6;
            }
            for (int n = 3; n <= 40; n++) {
                double[] xs = java.util.Arrays.copyOf(x, n);
                double[] ys = java.util.Arrays.copyOf(y, n);
                double slope = TrendStatistics.theilSenSlope(xs, ys);
                double intercept = TrendStatistics.theilSenIntercept(xs, ys, slope);
                double rss = TrendStatistics.residualSumOfSquares(xs, ys, slope, intercept);
                double r2 = Math.max(0, 1 - rss / TrendStatistics.sumOfSquaredDeviations(ys));
                if (slope > 0 && TrendStatistics.logBayesFactorOfSlope(n, TrendStatistics.sumOfSquaredDeviations(xs),
                        r2, Thresholds.PRIOR_SCALES_PER_SECOND) >= Math.log(20)) {
                    crossed++;
                    break;
                }
            }
        }
        assertThat(crossed).isLessThanOrEqualTo(100);
    }
}
