package io.leakwatch.core.internal;

import io.leakwatch.core.AccumulationPoint;
import io.leakwatch.core.LeakKind;
import io.leakwatch.core.ReferenceStep;
import io.leakwatch.core.StackFrame;
import io.leakwatch.core.TypeNames;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stable id of a leak: the first {@value #HEX_DIGITS} hex digits of the SHA-256 of what the leak is. With an
 * accumulation point, that is its container's identity ({@link AccumulationPoint#identity()}: the container's type and
 * field and its holder's, which is the suspect reference when the application holds the container directly);
 * without, the candidate's type and the method of its application frame. Never addresses, sizes, array indices, line numbers or a lambda's per-run name,
 * and no field name the JVM misreported (it depends on the JVM's field layout): those change across restarts,
 * hosts and JDKs, the leak does not.
 */
final class Fingerprint {
    static final int HEX_DIGITS = 12;

    private Fingerprint() {
    }

    static String of(String objectType, AccumulationPoint point, StackFrame applicationFrame) {
        StringBuilder text = new StringBuilder();
        if (point != null) {
            text.append(point.linked() ? "linked" : "array");
            for (ReferenceStep step : point.identity().path()) {
                text.append('|').append(step(step));
            }
        } else {
            text.append("type ").append(TypeNames.stable(objectType));
            if (applicationFrame != null) {
                text.append("|at ").append(applicationFrame.method());
            }
        }
        return hash(text.toString());
    }

    /**
     * The id of a leak outside the heap: its kind, what accumulates (the loader type, the thread class, the buffer
     * type or the native memory category), the threads' name pattern, and the method of the application frame that
     * defines, starts or allocates them.
     */
    static String ofKind(LeakKind kind, String objectType, String namePattern, StackFrame applicationFrame) {
        StringBuilder text = new StringBuilder(kind.name()).append(' ').append(TypeNames.stable(objectType));
        if (!namePattern.isEmpty()) {
            text.append("|named ").append(namePattern);
        }
        if (applicationFrame != null) {
            text.append("|at ").append(applicationFrame.method());
        }
        return hash(text.toString());
    }

    private static String step(ReferenceStep step) {
        String field = step.isMisnamed() ? "?" : step.isArray() ? "[]" : String.valueOf(step.fieldName());
        return (step.isStatic() ? "static " : "") + TypeNames.stable(step.owner()) + "." + field;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
