package io.leakwatch.core;

import java.time.Instant;
import java.util.Objects;

/**
 * Java threads at one moment ({@code jdk.JavaThreadStatistics}).
 *
 * @param time             when it was sampled
 * @param activeCount      live threads
 * @param accumulatedCount threads started since the JVM started
 */
public record ThreadStatistics(Instant time, long activeCount, long accumulatedCount) {
    public ThreadStatistics {
        Objects.requireNonNull(time, "time");
    }
}
