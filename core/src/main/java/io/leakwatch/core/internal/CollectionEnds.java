package io.leakwatch.core.internal;

import java.util.Arrays;

/**
 * The end times of the latest collections, in nanoseconds since the epoch, sorted in one array of fixed capacity: a
 * long-running service has thousands of collections, and a tree of {@code Instant}s cost 64 bytes for each one's
 * 8. When full, the oldest is dropped. Collections arrive nearly in order, so adding one moves few elements. Not
 * thread-safe.
 */
final class CollectionEnds {
    private final long[] ends;
    private int size;

    CollectionEnds(int capacity) {
        this.ends = new long[capacity];
    }

    /** Adds a collection's end; one already known is ignored. */
    void add(long end) {
        int index = Arrays.binarySearch(ends, 0, size, end);
        if (index >= 0) {
            return;
        }
        int insertion = -index - 1;
        if (size == ends.length) {
            if (insertion == 0) {
                return; // older than everything kept
            }
            System.arraycopy(ends, 1, ends, 0, insertion - 1);
            ends[insertion - 1] = end;
            return;
        }
        System.arraycopy(ends, insertion, ends, insertion + 1, size - insertion);
        ends[insertion] = end;
        size++;
    }

    /** Whether a collection kept ended after {@code after} and no later than {@code until}. */
    boolean anyAfterUntil(long after, long until) {
        int index = Arrays.binarySearch(ends, 0, size, after);
        int next = index >= 0 ? index + 1 : -index - 1;
        return next < size && ends[next] <= until;
    }
}
