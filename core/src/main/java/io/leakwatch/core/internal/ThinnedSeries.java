package io.leakwatch.core.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * A time series that never holds more than a fixed number of points, at one resolution over its whole length: each
 * point kept stands for the same number of points added (its stride), merged by the given rule. When full, adjacent
 * pairs are merged and the stride doubles; points added since are gathered into one pending point until they are a
 * stride's worth, so the newest values show merged too (with the lowest-of rule, a rise shows up to a stride late).
 * Memory stays bounded over any run length while the shape of the series, its start included, is kept. (Merging only
 * the full list and appending new points one by one instead would halve the old part at every merge while the new
 * part stays fine: after a few thousand collections, the heap after them described the last seconds alone and its
 * trend projected exhaustion within seconds on a healthy workload.) Not thread-safe.
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
     * Adds a point, in time order. A point earlier than the latest kept point (events of one flush out of order, a
     * heap inspection's total stamped before its own collection's end) is placed where it belongs while nothing has
     * been merged yet, so that a short series does not depend on the order its points came in; once points stand for
     * several, it is merged into the kept point it follows (or the first), so that late points neither crowd the
     * series nor double its stride, and the merged point's time stays between its neighbours'.
     */
    void add(T point) {
        Instant at = time.apply(point);
        if (!points.isEmpty() && time.apply(points.get(points.size() - 1)).isAfter(at)) {
            int index = points.size() - 1;
            while (index > 0 && time.apply(points.get(index - 1)).isAfter(at)) {
                index--;
            }
            if (stride == 1) {
                points.add(index, point);
                if (points.size() == capacity) {
                    halve();
                }
                return;
            }
            int before = Math.max(0, index - 1);
            T kept = points.get(before);
            points.set(before, time.apply(kept).isAfter(at) ? merge.apply(point, kept) : merge.apply(kept, point));
            return;
        }
        pending = pending == null ? point : at.isBefore(time.apply(pending))
                ? merge.apply(point, pending) : merge.apply(pending, point);
        pendingCount++;
        if (pendingCount == stride) {
            points.add(pending);
            pending = null;
            pendingCount = 0;
            if (points.size() == capacity) {
                halve();
            }
        }
    }

    private void halve() {
        List<T> merged = new ArrayList<>(capacity / 2);
        for (int i = 0; i < points.size(); i += 2) {
            merged.add(merge.apply(points.get(i), points.get(i + 1)));
        }
        points.clear();
        points.addAll(merged);
        stride *= 2;
    }

    /** The points kept and the pending one, in time order. */
    List<T> points() {
        return pointsSince(Instant.MIN);
    }

    /** Those of {@link #points()} at or after {@code start}. */
    List<T> pointsSince(Instant start) {
        List<T> result = new ArrayList<>(points.size() + 1);
        for (T point : points) {
            if (!time.apply(point).isBefore(start)) {
                result.add(point);
            }
        }
        if (pending != null && !time.apply(pending).isBefore(start)) {
            result.add(pending);
        }
        return Collections.unmodifiableList(result);
    }
}
