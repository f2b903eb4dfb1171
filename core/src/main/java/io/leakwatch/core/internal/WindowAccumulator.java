package io.leakwatch.core.internal;

import io.leakwatch.core.GcKind;
import io.leakwatch.core.KindStatistics;
import io.leakwatch.core.PauseStatistics;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.PackedHistogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Sums and pause histograms of the collections that ended in one span of time. Not thread-safe. */
final class WindowAccumulator {
    /**
     * Pauses are recorded in microseconds up to one hour, to two significant digits. A window holds a few hundred
     * pauses at most, so the histograms are packed: about 1 to 2 KB each instead of the 14 KB of a flat array of counts,
     * with the same values (the monitor keeps some fifty of them: two windows of twelve buckets, by collection kind).
     */
    private static final long HIGHEST_PAUSE_MICROS = Duration.ofHours(1).toNanos() / 1_000;
    private static final int SIGNIFICANT_DIGITS = 2;
    private static final GcKind[] KINDS = GcKind.values();

    private final long[] counts = new long[KINDS.length];
    private final long[] reclaimedBytes = new long[KINDS.length];
    private final AbstractHistogram[] pauses = new AbstractHistogram[KINDS.length];
    private long pauseNanos;
    private long allocatedBytes;
    private long promotedBytes;

    void record(GcCycle cycle, long allocatedSincePrevious, long promotedSincePrevious) {
        int kind = cycle.event().kind().ordinal();
        counts[kind]++;
        reclaimedBytes[kind] += cycle.reclaimedBytes();
        long pause = cycle.event().sumOfPauses().toNanos();
        pauseNanos += pause;
        histogram(kind).recordValue(Math.min(HIGHEST_PAUSE_MICROS, pause / 1_000));
        allocatedBytes += allocatedSincePrevious;
        promotedBytes += promotedSincePrevious;
    }

    void clear() {
        Arrays.fill(counts, 0);
        Arrays.fill(reclaimedBytes, 0);
        for (AbstractHistogram histogram : pauses) {
            if (histogram != null) {
                histogram.reset();
            }
        }
        pauseNanos = 0;
        allocatedBytes = 0;
        promotedBytes = 0;
    }

    void addTo(WindowAccumulator total) {
        for (int kind = 0; kind < KINDS.length; kind++) {
            total.counts[kind] += counts[kind];
            total.reclaimedBytes[kind] += reclaimedBytes[kind];
            if (pauses[kind] != null) {
                total.histogram(kind).add(pauses[kind]);
            }
        }
        total.pauseNanos += pauseNanos;
        total.allocatedBytes += allocatedBytes;
        total.promotedBytes += promotedBytes;
    }

    List<KindStatistics> kinds(double spanMinutes) {
        List<KindStatistics> result = new ArrayList<>();
        for (int kind = 0; kind < KINDS.length; kind++) {
            if (counts[kind] == 0) {
                continue;
            }
            double perMinute = spanMinutes > 0 ? counts[kind] / spanMinutes : 0;
            result.add(new KindStatistics(KINDS[kind], counts[kind], perMinute, pauseStatistics(pauses[kind]),
                    reclaimedBytes[kind]));
        }
        return result;
    }

    long pauseNanos() {
        return pauseNanos;
    }

    long allocatedBytes() {
        return allocatedBytes;
    }

    long promotedBytes() {
        return promotedBytes;
    }

    private AbstractHistogram histogram(int kind) {
        if (pauses[kind] == null) {
            pauses[kind] = new PackedHistogram(HIGHEST_PAUSE_MICROS, SIGNIFICANT_DIGITS);
        }
        return pauses[kind];
    }

    private static PauseStatistics pauseStatistics(AbstractHistogram histogram) {
        if (histogram == null || histogram.getTotalCount() == 0) {
            return PauseStatistics.NONE;
        }
        return new PauseStatistics(micros(histogram.getValueAtPercentile(50)),
                micros(histogram.getValueAtPercentile(90)), micros(histogram.getValueAtPercentile(99)),
                micros(histogram.getMaxValue()));
    }

    private static Duration micros(long value) {
        return Duration.ofNanos(value * 1_000);
    }
}
