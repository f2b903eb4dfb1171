package io.leakwatch.core.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * A time series that never holds more than a fixed number of points, at one resolution over its whole length: each
 * point kept stands for the same number of points added (its stride), merged by the given rule. When full, adjacent
 * pairs are merged and the stride doubles; points added since are gathered into one pending point until they are a
 * stride's worth. Memory stays bounded over any run length while the shape of the series, its start included, is
 * kept. (Merging only the full list and appending new points one by one instead would halve the old part at every
 * merge while the new part stays fine: after a few thousand collections, the heap after them described the last
 * seconds alone and its trend projected exhaustion within seconds on a healthy workload.) Not thread-safe.
 */
final class ThinnedSeries<T> {
    private final int capacity;
    private final BinaryOperator<T> merge;
    private final Function<T, Instant> time;
    private final List<T> points = new ArrayList<>();
    /** How many added points each kept point stands for. */
    private long stride = 1;
    /** The merge of the points added since the latest kept point, or null; all of them are later than it. */
    private T pending;
    private long pendingCount;

    ThinnedSeries(int capacity, BinaryOperator<T> merge, Function<T, Instant> time) {
        if (capacity < 4 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be even and at least 4: " + capacity);
        }
        this.capacity = capacity;
        this.merge = merge;
        this.time = time;
    }

    /**
     * Adds a point, in time order. A point earlier than the latest kept point is placed where it belongs, at the
     * resolution of a single point: late points are rare (events of one flush out of order), and merging one into a
     * neighbour would move that neighbour's time.
     */
    void add(T point) {
        if (!points.isEmpty() && time.apply(points.get(points.size() - 1)).isAfter(time.apply(point))) {
            int index = points.size() - 1;
            while (index > 0 && time.apply(points.get(index - 1)).isAfter(time.apply(point))) {
                index--;
            }
            points.add(index, point);
            halveWhenFull();
            return;
        }
        pending = pending == null ? point : time.apply(point).isBefore(time.apply(pending))
                ? merge.apply(point, pending) : merge.apply(pending, point);
        pendingCount++;
        if (pendingCount == stride) {
            points.add(pending);
            pending = null;
            pendingCount = 0;
            halveWhenFull();
        }
    }

    private void halveWhenFull() {
        if (points.size() < capacity) {
            return;
        }
        List<T> merged = new ArrayList<>(capacity / 2);
        for (int i = 0; i + 1 < points.size(); i += 2) {
            merged.add(merge.apply(points.get(i), points.get(i + 1)));
        }
        if (points.size() % 2 != 0) {
            merged.add(points.get(points.size() - 1));
        }
        points.clear();
        points.addAll(merged);
        stride *= 2;
    }

    /** The points kept and the pending one, in time order. */
    List<T> points() {
        List<T> result = new ArrayList<>(points.size() + 1);
        result.addAll(points);
        if (pending != null) {
            result.add(pending);
        }
        return List.copyOf(result);
    }

    List<T> pointsSince(Instant start) {
        List<T> result = new ArrayList<>();
        for (T point : points()) {
            if (!time.apply(point).isBefore(start)) {
                result.add(point);
            }
        }
        return result;
    }
}
