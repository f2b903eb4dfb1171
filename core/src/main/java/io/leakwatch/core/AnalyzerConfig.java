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
 * @param minObservation             the shortest span of live-set measurements a verdict rests on
 * @param minLiveSetPoints           the fewest live-set measurements a trend is computed from (at least 4)
 * @param significance               the largest Mann–Kendall p-value accepted as growth (0 to 0.5)
 * @param minGrowthBytes             growth over the observed span below this is not material
 * @param minGrowthShareOfMaxHeap    nor is growth below this share of the maximum heap (0 to 1)
 * @param gcWindows                  sliding windows of GC statistics
 * @param maxCandidates              how many leak candidates to report at most
 */
public record AnalyzerConfig(Duration warmUp, Duration minObservation, int minLiveSetPoints, double significance,
                             long minGrowthBytes, double minGrowthShareOfMaxHeap, List<Duration> gcWindows,
                             int maxCandidates) {

    public AnalyzerConfig {
        requireNotNegative("warmUp", warmUp);
        requireNotNegative("minObservation", minObservation);
        if (minLiveSetPoints < 4) {
            throw new IllegalArgumentException("minLiveSetPoints must be at least 4 (a trend test on fewer points"
                    + " cannot reach significance), was " + minLiveSetPoints);
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

    /** The defaults: 30 s warm-up and observation, 4 points, p &lt; 0.05, 4 MiB or 1% of the heap, 1 and 10 min. */
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
        private int minLiveSetPoints = 4;
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

        /** Shortest span of measurements a verdict rests on; default 30 s. */
        public Builder minObservation(Duration value) {
            this.minObservation = value;
            return this;
        }

        /** Fewest live-set measurements for a trend; default 4. */
        public Builder minLiveSetPoints(int value) {
            this.minLiveSetPoints = value;
            return this;
        }

        /** Largest p-value accepted as growth; default 0.05. */
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
            return new AnalyzerConfig(warmUp, minObservation, minLiveSetPoints, significance, minGrowthBytes,
                    minGrowthShareOfMaxHeap, gcWindows, maxCandidates);
        }
    }
}
