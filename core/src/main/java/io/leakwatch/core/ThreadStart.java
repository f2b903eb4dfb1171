package io.leakwatch.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A Java thread started ({@code jdk.ThreadStart}).
 *
 * @param time       when it started
 * @param threadId   the started thread's Java id
 * @param threadName its name at the start
 * @param stack      the stack of the code that started it, innermost frame first, or empty when recorded without
 */
public record ThreadStart(Instant time, long threadId, String threadName, List<StackFrame> stack) {
    public ThreadStart {
        Objects.requireNonNull(time, "time");
        threadName = threadName == null ? "" : threadName;
        stack = List.copyOf(stack);
    }
}
