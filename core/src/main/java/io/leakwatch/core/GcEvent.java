package io.leakwatch.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One garbage collection, as reported by the collector when it finished.
 *
 * @param gcId          the JVM's collection id, shared with the {@link HeapSummary} records of the same collection
 * @param collectorName the collector's own name, for example {@code G1New}, {@code ParallelOld} or {@code ZGC Major}
 * @param kind          what the collection reclaimed
 * @param cause         why it ran, for example {@code G1 Evacuation Pause} or {@code System.gc()}
 * @param start         when it started
 * @param sumOfPauses   total time application threads were stopped
 * @param duration      wall time from start to end, pauses and concurrent phases included
 */
public record GcEvent(long gcId, String collectorName, GcKind kind, String cause, Instant start,
                      Duration sumOfPauses, Duration duration) {

    public GcEvent {
        Objects.requireNonNull(collectorName, "collectorName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(sumOfPauses, "sumOfPauses");
        Objects.requireNonNull(duration, "duration");
        cause = cause == null ? "" : cause;
        if (sumOfPauses.isNegative() || duration.isNegative()) {
            throw new IllegalArgumentException("negative GC time in collection " + gcId);
        }
    }

    /** When the collection ended. */
    public Instant end() {
        return start.plus(duration);
    }
}
