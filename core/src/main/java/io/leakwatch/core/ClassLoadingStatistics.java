package io.leakwatch.core;

import java.time.Instant;
import java.util.Objects;

/**
 * Classes loaded and unloaded since the JVM started ({@code jdk.ClassLoadingStatistics}).
 *
 * @param time               when it was sampled
 * @param loadedClassCount   classes loaded so far
 * @param unloadedClassCount classes unloaded so far
 */
public record ClassLoadingStatistics(Instant time, long loadedClassCount, long unloadedClassCount) {
    public ClassLoadingStatistics {
        Objects.requireNonNull(time, "time");
    }
}
