package io.leakwatch.core.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * A window of fixed length ending at the latest event, kept as a ring of {@value #BUCKETS} time buckets so that
 * memory does not depend on how many collections happen. The window's start is therefore exact only to one bucket
 * (a twelfth of its length). Not thread-safe.
 */
final class SlidingWindow {
    static final int BUCKETS = 12;

    private final String name;
    private final long bucketNanos;
    private final WindowAccumulator[] ring = new WindowAccumulator[BUCKETS];
    private final long[] ringIndex = new long[BUCKETS];

    SlidingWindow(String name, Duration length) {
        if (length.toNanos() < BUCKETS) {
            throw new IllegalArgumentException("GC window '" + name + "' is too short: " + length);
        }
        this.name = name;
        this.bucketNanos = length.toNanos() / BUCKETS;
        for (int i = 0; i < BUCKETS; i++) {
            ring[i] = new WindowAccumulator();
            ringIndex[i] = Long.MIN_VALUE;
        }
    }

    String name() {
        return name;
    }

    Duration length() {
        return Duration.ofNanos(bucketNanos * BUCKETS);
    }

    void record(Instant time, GcCycle cycle, long allocated, long promoted) {
        long index = bucketIndex(time);
        int slot = (int) Math.floorMod(index, BUCKETS);
        if (ringIndex[slot] != index) {
            if (ringIndex[slot] > index) {
                return; // older than the window already: nothing to add it to
            }
            ring[slot].clear();
            ringIndex[slot] = index;
        }
        ring[slot].record(cycle, allocated, promoted);
    }

    /** Everything in the buckets that overlap {@code (now - length, now]}. */
    WindowAccumulator sum(Instant now) {
        long newest = bucketIndex(now);
        WindowAccumulator total = new WindowAccumulator();
        for (int i = 0; i < BUCKETS; i++) {
            if (ringIndex[i] > newest - BUCKETS && ringIndex[i] <= newest) {
                ring[i].addTo(total);
            }
        }
        return total;
    }

    private long bucketIndex(Instant time) {
        return Math.floorDiv(EpochNanos.of(time), bucketNanos);
    }
}
