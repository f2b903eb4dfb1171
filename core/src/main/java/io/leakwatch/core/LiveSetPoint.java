package io.leakwatch.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A measurement of the live set: heap in use right after a collection that freed the old generation, or the total
 * of a heap inspection.
 *
 * @param time   when it was measured
 * @param bytes  the live set in bytes
 * @param source what measured it
 */
public record LiveSetPoint(Instant time, long bytes, Source source) {

    /** What a live-set point comes from, most exact first. */
    public enum Source {
        /** Total of a class histogram taken after a full collection. */
        HEAP_INSPECTION,
        /** Heap after a stop-the-world collection of the whole heap. */
        FULL_GC,
        /** Heap after a concurrent old-generation cycle; includes what was allocated during the cycle. */
        OLD_GC,
        /** Lowest heap after the collections of a run of G1 mixed collections. */
        MIXED_PHASE
    }

    public LiveSetPoint {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(source, "source");
    }
}
