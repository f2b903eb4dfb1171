package io.leakwatch.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of an {@link Analyzer}. Build with {@link #builder()}; every setting is checked when {@link
 * Builder#build()} runs, and a bad one fails with a message that names it.
 *
 * <pre>{@code
 * AnalyzerConfig config = AnalyzerConfig.builder().warmUp(Duration.ofMinutes(2)).build();
 * }</pre>
 *
 * @param warmUp                     events in this span from the first one are start-up, left out of trends
 *                                   (unless the heap is about to fill: see docs/ARCHITECTURE.md)
 * @param minObservation             the shortest span of live-set measurements a {@code NO_LEAK} rests on
 * @param falseAlarmRate             α of the sequential test: the probability that a live set that does not grow
 *                                   is ever called growing by the statistic alone, per test window (0 to 0.1)
 * @param missRate                   β: the probability of calling {@code NO_LEAK} while the live set grows at the
 *                                   slowest rate that matters (0 to 0.5)
 * @param exhaustionHorizon          growth that would exhaust the heap within this is a leak that matters; a
 *                                   {@code NO_LEAK} rules out growth at that rate
 * @param significance               the largest Mann–Kendall p-value accepted as steady growth of one type between
 *                                   heap inspections (0 to 0.5)
 * @param minGrowthBytes             growth over the observed span below this is not material
 * @param minGrowthShareOfMaxHeap    nor is growth below this share of the maximum heap (0 to 1)
 * @param gcWindows                  sliding windows of GC statistics
 * @param maxCandidates              how many leak candidates to report at most
 */
public record AnalyzerConfig(Duration warmUp, Duration minObservation, double falseAlarmRate, double missRate,
                             Duration exhaustionHorizon, double significance, long minGrowthBytes,
                             double minGrowthShareOfMaxHeap, List<Duration> gcWindows, int maxCandidates) {

    public AnalyzerConfig {
        requireNotNegative("warmUp", warmUp);
        requireNotNegative("minObservation", minObservation);
        if (!(falseAlarmRate > 0 && falseAlarmRate <= 0.1)) {
            throw new IllegalArgumentException("falseAlarmRate must be in (0, 0.1], was " + falseAlarmRate);
        }
        if (!(missRate > 0 && missRate <= 0.5)) {
            throw new IllegalArgumentException("missRate must be in (0, 0.5], was " + missRate);
        }
        requireNotNegative("exhaustionHorizon", exhaustionHorizon);
        if (exhaustionHorizon.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("exhaustionHorizon must be at least 1 minute, was " + exhaustionHorizon);
        }
        if (!(significance > 0 && significance <= 0.5)) {
            throw new IllegalArgumentException("significance must be in (0, 0.5], was " + significance);
        }
        if (minGrowthBytes < 0) {
            throw new IllegalArgumentException("minGrowthBytes must not be negative, was " + minGrowthBytes);
        }
        if (!(minGrowthShareOfMaxHeap >= 0 && minGrowthShareOfMaxHeap <= 1)) {
            throw new IllegalArgumentException("minGrowthShareOfMaxHeap must be in [0, 1], was "
                    + minGrowthShareOfMaxHeap);
        }
        gcWindows = List.copyOf(Objects.requireNonNull(gcWindows, "gcWindows"));
        for (Duration window : gcWindows) {
            if (window.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("every GC window must be at least 1 s, was " + window);
            }
        }
        if (maxCandidates < 1) {
            throw new IllegalArgumentException("maxCandidates must be at least 1, was " + maxCandidates);
        }
    }

    /**
     * The defaults: 30 s warm-up and observation, α = 0.001, β = 0.05, a 1-hour exhaustion horizon, p &lt; 0.05 for
     * type growth, 4 MiB or 1% of the heap as material growth, GC windows of 1 and 10 minutes, 10 candidates.
     */
    public static AnalyzerConfig defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The least growth over the observed span that counts, for a heap of the given maximum (0 if unknown). */
    public double materialGrowthBytes(long maxHeapBytes) {
        return Math.max(minGrowthBytes, minGrowthShareOfMaxHeap * maxHeapBytes);
    }

    private static void requireNotNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }

    /** Builds an {@link AnalyzerConfig}; not thread-safe. */
    public static final class Builder {
        private Duration warmUp = Duration.ofSeconds(30);
        private Duration minObservation = Duration.ofSeconds(30);
        private double falseAlarmRate = 0.001;
        private double missRate = 0.05;
        private Duration exhaustionHorizon = Duration.ofHours(1);
        private double significance = 0.05;
        private long minGrowthBytes = 4L << 20;
        private double minGrowthShareOfMaxHeap = 0.01;
        private List<Duration> gcWindows = List.of(Duration.ofMinutes(1), Duration.ofMinutes(10));
        private int maxCandidates = 10;

        private Builder() {
        }

        /** Start-up span left out of trends; default 30 s. */
        public Builder warmUp(Duration value) {
            this.warmUp = value;
            return this;
        }

        /** Shortest span of measurements a {@code NO_LEAK} rests on; default 30 s. */
        public Builder minObservation(Duration value) {
            this.minObservation = value;
            return this;
        }

        /** α, the sequential test's false-alarm probability per window; default 0.001. */
        public Builder falseAlarmRate(double value) {
            this.falseAlarmRate = value;
            return this;
        }

        /** β, the probability of a {@code NO_LEAK} while the live set grows at the slowest rate that matters; 0.05. */
        public Builder missRate(double value) {
            this.missRate = value;
            return this;
        }

        /** Growth that would exhaust the heap within this matters; default 1 hour. */
        public Builder exhaustionHorizon(Duration value) {
            this.exhaustionHorizon = value;
            return this;
        }

        /** Largest Mann–Kendall p-value accepted as steady growth of a type; default 0.05. */
        public Builder significance(double value) {
            this.significance = value;
            return this;
        }

        /** Least material growth over the observed span; default 4 MiB. */
        public Builder minGrowthBytes(long value) {
            this.minGrowthBytes = value;
            return this;
        }

        /** Least material growth as a share of the maximum heap; default 0.01. */
        public Builder minGrowthShareOfMaxHeap(double value) {
            this.minGrowthShareOfMaxHeap = value;
            return this;
        }

        /** Sliding windows of GC statistics; default 1 and 10 minutes. */
        public Builder gcWindows(List<Duration> value) {
            this.gcWindows = value;
            return this;
        }

        /** Most candidates reported; default 10. */
        public Builder maxCandidates(int value) {
            this.maxCandidates = value;
            return this;
        }

        /** @throws IllegalArgumentException naming the first setting that is out of range */
        public AnalyzerConfig build() {
            return new AnalyzerConfig(warmUp, minObservation, falseAlarmRate, missRate, exhaustionHorizon,
                    significance, minGrowthBytes, minGrowthShareOfMaxHeap, gcWindows, maxCandidates);
        }
    }
}
