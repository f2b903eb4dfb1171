package io.leakwatch.core;

import java.util.Objects;

/**
 * One frame of an allocation stack trace.
 *
 * @param typeName   the declaring class, for example {@code com.example.Cache}
 * @param methodName the method, for example {@code put}
 * @param lineNumber the source line, or -1 if unknown
 */
public record StackFrame(String typeName, String methodName, int lineNumber) {

    public StackFrame {
        Objects.requireNonNull(typeName, "typeName");
        Objects.requireNonNull(methodName, "methodName");
    }

    /** Whether the frame belongs to the JDK rather than to the application. */
    public boolean isJdkFrame() {
        return JdkTypes.isJdk(typeName);
    }

    @Override
    public String toString() {
        return typeName + "." + methodName + (lineNumber >= 0 ? ":" + lineNumber : "");
    }
}
