package io.leakwatch.core.internal;

import io.leakwatch.core.AccumulationPoint;
import io.leakwatch.core.LeakKind;
import io.leakwatch.core.ReferenceStep;
import io.leakwatch.core.StackFrame;
import io.leakwatch.core.TypeNames;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A stable id of a leak: {@value #HEX_DIGITS} hex digits of a hash of what the leak is. With an
 * accumulation point, that is its container's step and the container's first holder (the suspect reference when the
 * application holds the container directly), each as its type and field; without, the candidate's type and the method
 * of its application frame. Never addresses, sizes, array indices, line numbers or a lambda's per-run name. A field
 * the JVM misnamed counts by the real field it was resolved to: the JVM names an inherited field by its offset, and
 * whether it names the right one depends on the field layout (the zoo's Tomcat session map is held by
 * {@code StandardManager.sessions}, which JDK 25 names and JDK 17 misnames; hashing the misnamed step as unknown gave
 * the same leak two ids on the two JDKs). Only a misnamed field that could not be resolved (offline, a class the
 * reader cannot load) counts as unknown.
 */
final class Fingerprint {
    static final int HEX_DIGITS = 12;
    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

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
        String field = step.isArray() ? "[]" : step.fieldName() == null ? "?" : step.fieldName();
        return (step.isStatic() ? "static " : "") + TypeNames.stable(step.owner()) + "." + field;
    }

    /**
     * The top {@value #HEX_DIGITS} hex digits of the 64-bit FNV-1a hash of the text's UTF-8 bytes (Fowler, Noll and
     * Vo; offset basis and prime as in draft-eastlake-fnv). An id of a leak must be stable, not hard to forge: SHA-256
     * loaded the JDK's security-provider framework (54 classes) into the monitored JVM when the first candidate
     * appeared, minutes into a healthy run, where the class-metadata kind saw it as metaspace growth.
     */
    private static String hash(String text) {
        long hash = FNV_OFFSET_BASIS;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return HexFormat.of().toHexDigits(hash).substring(0, HEX_DIGITS);
    }
}
