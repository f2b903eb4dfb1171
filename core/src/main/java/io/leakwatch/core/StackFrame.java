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

    /** The frame without its line: what stays when the code around it changes. */
    public String method() {
        return TypeNames.stable(typeName) + "." + methodName;
    }

    /** {@code com.example.Cache.put:42}, a lambda by its stable name ({@link TypeNames#stable}). */
    @Override
    public String toString() {
        return method() + (lineNumber >= 0 ? ":" + lineNumber : "");
    }
}
