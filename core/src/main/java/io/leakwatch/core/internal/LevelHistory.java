package io.leakwatch.core.internal;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The levels a series went through, to tell growth from a climb back to where it was. A buffer that fills and is
 * flushed rises like a leak, and so does a cache filling again after a flush; but the series dropped before, and
 * the climb only returns to the peak before the drop. A leak leaves that peak behind. Immutable.
 */
final class LevelHistory {
    private static final LevelHistory EMPTY = new LevelHistory(new long[0]);

    private final long[] bytes;

    private LevelHistory(long[] bytes) {
        this.bytes = bytes;
    }

    /** The history of the points of a series, in time order. */
    static <T> LevelHistory of(List<T> points, ToLongFunction<T> bytes) {
        return points.isEmpty() ? EMPTY : new LevelHistory(points.stream().mapToLong(bytes).toArray());
    }

    /**
     * The highest level before the latest drop of at least {@code dropBytes}, or negative infinity when the series
     * never dropped that far. A drop must hold for two points in a row: one low measurement is noise, a flush stays
     * low.
     */
    double peakBeforeLastDrop(double dropBytes) {
        int n = bytes.length;
        long[] highestBefore = new long[n];
        long highest = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            highestBefore[i] = highest;
            highest = Math.max(highest, bytes[i]);
        }
        for (int j = n - 2; j >= 1; j--) {
            long low = Math.max(bytes[j], bytes[j + 1]);
            if ((double) highestBefore[j] - low >= dropBytes) {
                return highestBefore[j];
            }
        }
        return Double.NEGATIVE_INFINITY;
    }
}
