package io.leakwatch.core;

import java.time.Instant;
import java.util.Objects;

/**
 * The JVM's native memory of one Native Memory Tracking category at one moment ({@code jdk.NativeMemoryUsage}, JDK
 * 20 and later with {@code -XX:NativeMemoryTracking=summary} or {@code detail}).
 *
 * @param time           when it was sampled
 * @param category       the category, for example {@code Other}, {@code Code}, {@code Thread Stack}
 * @param committedBytes memory committed to it
 */
public record NativeMemoryUsage(Instant time, String category, long committedBytes) {
    public NativeMemoryUsage {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(category, "category");
    }
}
