package io.leakwatch.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A class defined by a class loader ({@code jdk.ClassDefine}).
 *
 * @param time       when it was defined
 * @param className  the class
 * @param loaderId   the defining loader's identity in the recording
 * @param loaderType the defining loader's class
 * @param stack      the stack that defined it, innermost frame first, or empty when recorded without
 */
public record ClassDefinition(Instant time, String className, long loaderId, String loaderType,
                              List<StackFrame> stack) {
    public ClassDefinition {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(loaderType, "loaderType");
        stack = List.copyOf(stack);
    }
}
