package io.leakwatch.core.internal;

import io.leakwatch.core.GcEvent;

import java.time.Instant;
import java.util.Objects;

/**
 * A collection joined with the heap occupancy around it.
 *
 * @param event            the collection
 * @param usedBeforeBytes  heap in use before the collection, or -1 if no summary was recorded
 * @param usedAfterBytes   heap in use after the collection
 * @param committedBytes   heap committed after the collection
 * @param maxBytes         the most the heap may grow to, or 0 if unknown
 */
record GcCycle(GcEvent event, long usedBeforeBytes, long usedAfterBytes, long committedBytes, long maxBytes) {

    GcCycle {
        Objects.requireNonNull(event, "event");
    }

    /** When the collection ended, the time its "after" values describe. */
    Instant end() {
        return event.end();
    }

    /** Bytes the collection freed, or 0 if unknown or if the heap grew during a concurrent cycle. */
    long reclaimedBytes() {
        return usedBeforeBytes < 0 ? 0 : Math.max(0, usedBeforeBytes - usedAfterBytes);
    }
}
