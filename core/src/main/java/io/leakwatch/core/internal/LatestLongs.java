package io.leakwatch.core.internal;

import java.util.Arrays;

/**
 * The largest distinct values added, at most a fixed number of them, sorted in one array: the engine's memory of
 * collection ends, GC ids and inspection times (in nanoseconds since the epoch). A long-running service has
 * thousands of collections, and a set of boxed values costs 64 to 72 bytes for each one's 8. When full, the smallest
 * is dropped. Values arrive nearly in order, so adding one moves few elements. The array grows to the capacity as
 * values arrive (inspections come a few a minute, and 4,096 of them would be 32 KB held from the start). Not
 * thread-safe.
 */
final class LatestLongs {
    private static final int INITIAL_LENGTH = 64;
    private final int capacity;
    private long[] values;
    private int size;

    LatestLongs(int capacity) {
        this.capacity = capacity;
        this.values = new long[Math.min(capacity, INITIAL_LENGTH)];
    }

    /**
     * Adds {@code value}; returns whether it was new: {@code false} if it is kept already, or if the array is full
     * and it is smaller than everything kept (which is how a value dropped long ago comes back).
     */
    boolean add(long value) {
        int index = Arrays.binarySearch(values, 0, size, value);
        if (index >= 0) {
            return false;
        }
        int insertion = -index - 1;
        if (size == values.length && size < capacity) {
            values = Arrays.copyOf(values, Math.min(capacity, 2 * size));
        }
        if (size == values.length) {
            if (insertion == 0) {
                return false;
            }
            System.arraycopy(values, 1, values, 0, insertion - 1);
            values[insertion - 1] = value;
            return true;
        }
        System.arraycopy(values, insertion, values, insertion + 1, size - insertion);
        values[insertion] = value;
        size++;
        return true;
    }

    boolean contains(long value) {
        return Arrays.binarySearch(values, 0, size, value) >= 0;
    }

    /** Whether a value kept is greater than {@code after} and no greater than {@code until}. */
    boolean anyAfterUntil(long after, long until) {
        int index = Arrays.binarySearch(values, 0, size, after);
        int next = index >= 0 ? index + 1 : -index - 1;
        return next < size && values[next] <= until;
    }
}
