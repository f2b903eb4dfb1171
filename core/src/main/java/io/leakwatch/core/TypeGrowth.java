package io.leakwatch.core;

/**
 * How one type grew between heap inspections.
 *
 * @param typeName           the type
 * @param instancesFirst     instances in the first inspection after warm-up
 * @param instancesLatest    instances in the latest inspection
 * @param bytesFirst         bytes in the first inspection after warm-up
 * @param bytesLatest        bytes in the latest inspection
 * @param bytesPerMinute     growth rate in bytes between the two
 * @param instancesPerMinute growth rate in instances between the two
 * @param growingSteps       between how many consecutive inspections its bytes grew
 * @param steps              how many consecutive pairs of inspections there were
 * @param pValue             one-sided Mann–Kendall p-value of its bytes across the inspections
 * @param steady             whether the growth is more than a fluctuation: at least {@value #MIN_STEPS} steps, growth
 *                           in three of every four, and a p-value below the analysis' significance level
 */
public record TypeGrowth(String typeName, long instancesFirst, long instancesLatest, long bytesFirst,
                         long bytesLatest, double bytesPerMinute, double instancesPerMinute, int growingSteps,
                         int steps, double pValue, boolean steady) {
    /** Fewer steps than this (four inspections) cannot show steady growth: three rises in a row of noise are 1 in 8. */
    public static final int MIN_STEPS = 3;
}
