package io.leakwatch.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the collector did over one sliding window that ends at the latest event.
 *
 * @param name                     the window's name: {@code 1m}, {@code 10m}, or {@code run} for the whole run
 * @param from                     start of the span the figures cover (never before the first event)
 * @param to                       end of the span: the latest event time
 * @param kinds                    per kind of collection that occurred, in {@link io.leakwatch.core.GcKind} order
 * @param gcTimeShare              share of wall time spent in GC pauses, 0 to 1
 * @param allocationBytesPerSecond estimated allocation rate: heap growth between consecutive collections
 * @param promotionBytesPerSecond  estimated promotion rate: growth of the heap left after consecutive young
 *                                 collections
 */
public record GcWindowStatistics(String name, Instant from, Instant to, List<KindStatistics> kinds,
                                 double gcTimeShare, double allocationBytesPerSecond,
                                 double promotionBytesPerSecond) {

    public GcWindowStatistics {
        kinds = List.copyOf(kinds);
    }

    /** Length of the covered span. */
    public Duration span() {
        return Duration.between(from, to);
    }

    /** Total number of collections in the window. */
    public long collectionCount() {
        return kinds.stream().mapToLong(KindStatistics::count).sum();
    }
}
