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
}
