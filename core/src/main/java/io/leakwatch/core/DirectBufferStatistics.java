package io.leakwatch.core;

import java.time.Instant;
import java.util.Objects;

/**
 * Direct {@code ByteBuffer}s at one moment ({@code jdk.DirectBufferStatistics}).
 *
 * @param time             when it was sampled
 * @param count            direct buffers not yet freed (dead ones until a collection finds them)
 * @param memoryUsedBytes  native memory they hold
 * @param maxCapacityBytes the most they may hold ({@code -XX:MaxDirectMemorySize}, by default the heap's maximum)
 */
public record DirectBufferStatistics(Instant time, long count, long memoryUsedBytes, long maxCapacityBytes) {
    public DirectBufferStatistics {
        Objects.requireNonNull(time, "time");
    }
}
