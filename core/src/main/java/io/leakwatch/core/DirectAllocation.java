package io.leakwatch.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A call that allocated a direct buffer ({@code ByteBuffer.allocateDirect}, traced by {@code jdk.MethodTrace} on
 * JDK 25 and later while direct memory is suspected).
 *
 * @param time  when it was called
 * @param stack the caller's stack, innermost frame first
 */
public record DirectAllocation(Instant time, List<StackFrame> stack) {
    public DirectAllocation {
        Objects.requireNonNull(time, "time");
        stack = List.copyOf(stack);
    }
}
