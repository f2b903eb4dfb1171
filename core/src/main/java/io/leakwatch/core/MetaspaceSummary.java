package io.leakwatch.core;

import java.time.Instant;
import java.util.Objects;

/**
 * Metaspace occupancy just before or just after one collection ({@code jdk.MetaspaceSummary}).
 *
 * @param gcId           the collection this summary belongs to
 * @param when           before or after the collection
 * @param time           when the summary was taken
 * @param usedBytes      metaspace in use (class space included)
 * @param committedBytes metaspace committed
 * @param maxBytes       {@code -XX:MaxMetaspaceSize}, or 0 when it is unlimited or unknown
 */
public record MetaspaceSummary(long gcId, HeapSummary.When when, Instant time, long usedBytes, long committedBytes,
                               long maxBytes) {
    public MetaspaceSummary {
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(time, "time");
        if (usedBytes < 0 || committedBytes < 0 || maxBytes < 0) {
            throw new IllegalArgumentException("negative metaspace size in summary of collection " + gcId);
        }
    }
}
