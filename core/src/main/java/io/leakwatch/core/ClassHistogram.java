package io.leakwatch.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Instance counts and bytes per type at one moment: a heap inspection.
 *
 * @param time         when the histogram was taken
 * @param afterFullGc  whether a full collection ran first, so that only live objects were counted; only then is
 *                     {@link #totalBytes()} the live set
 * @param entries      one entry per type (order is not significant)
 */
public record ClassHistogram(Instant time, boolean afterFullGc, List<Entry> entries) {

    /**
     * One line of a class histogram.
     *
     * @param typeName  the type, in Java notation ({@code byte[]}, {@code java.lang.String})
     * @param instances number of instances
     * @param bytes     their total shallow size
     */
    public record Entry(String typeName, long instances, long bytes) {
        public Entry {
            Objects.requireNonNull(typeName, "typeName");
            if (instances < 0 || bytes < 0) {
                throw new IllegalArgumentException("negative count for " + typeName);
            }
        }
    }

    public ClassHistogram {
        Objects.requireNonNull(time, "time");
        entries = List.copyOf(entries);
    }

    /** Sum of all entries' bytes. */
    public long totalBytes() {
        long total = 0;
        for (Entry entry : entries) {
            total += entry.bytes();
        }
        return total;
    }
}
