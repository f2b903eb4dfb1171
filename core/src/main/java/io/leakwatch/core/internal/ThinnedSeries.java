package io.leakwatch.core.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * A time series that never holds more than a fixed number of points: when full, adjacent pairs are merged into one
 * (by the given rule), halving the resolution of the whole series. Memory stays bounded over any run length while
 * the shape of the series, including its start, is kept. Not thread-safe.
 */
final class ThinnedSeries<T> {
    private final int capacity;
    private final BinaryOperator<T> merge;
    private final java.util.function.Function<T, Instant> time;
    private final List<T> points = new ArrayList<>();

    ThinnedSeries(int capacity, BinaryOperator<T> merge, java.util.function.Function<T, Instant> time) {
        if (capacity < 4 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be even and at least 4: " + capacity);
        }
        this.capacity = capacity;
        this.merge = merge;
        this.time = time;
    }

    /** Adds a point, in time order; an out-of-order point is placed where it belongs. */
    void add(T point) {
        int index = points.size();
        while (index > 0 && time.apply(points.get(index - 1)).isAfter(time.apply(point))) {
            index--;
        }
        points.add(index, point);
        if (points.size() == capacity) {
            List<T> merged = new ArrayList<>(capacity);
            for (int i = 0; i < capacity; i += 2) {
                merged.add(merge.apply(points.get(i), points.get(i + 1)));
            }
            points.clear();
            points.addAll(merged);
        }
    }

    List<T> points() {
        return List.copyOf(points);
    }

    List<T> pointsSince(Instant start) {
        List<T> result = new ArrayList<>();
        for (T point : points) {
            if (!time.apply(point).isBefore(start)) {
                result.add(point);
            }
        }
        return result;
    }
}
