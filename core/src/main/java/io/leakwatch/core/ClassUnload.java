package io.leakwatch.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A class unloaded with its loader ({@code jdk.ClassUnload}).
 *
 * @param time      when it was unloaded
 * @param className the class
 * @param loaderId  its defining loader's identity in the recording (as in {@link ClassDefinition#loaderId()})
 */
public record ClassUnload(Instant time, String className, long loaderId) {
    public ClassUnload {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(className, "className");
    }
}
