package io.leakwatch.core;

import java.time.Instant;
import java.util.Objects;

/**
 * Heap occupancy just before or just after one collection.
 *
 * @param gcId               the collection this summary belongs to
 * @param when               before or after the collection
 * @param time               when the summary was taken
 * @param heapUsedBytes      bytes in use
 * @param heapCommittedBytes bytes committed to the heap
 * @param heapMaxBytes       the most the heap may grow to ({@code -Xmx}), or 0 if unknown
 */
public record HeapSummary(long gcId, When when, Instant time, long heapUsedBytes, long heapCommittedBytes,
                          long heapMaxBytes) {

    /** Which side of the collection a summary describes. */
    public enum When { BEFORE_GC, AFTER_GC }

    public HeapSummary {
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(time, "time");
        if (heapUsedBytes < 0 || heapCommittedBytes < 0 || heapMaxBytes < 0) {
            throw new IllegalArgumentException("negative heap size in summary of collection " + gcId);
        }
    }
}
