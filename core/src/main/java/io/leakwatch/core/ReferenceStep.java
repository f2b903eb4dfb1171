package io.leakwatch.core;

import java.util.Objects;

/**
 * One link of a reference chain from a sampled object towards its GC root: the object that holds the previous
 * one, and how.
 *
 * @param holderType  the holding object's type, for example {@code java.util.HashMap$Node} or {@code java.lang.Class}
 * @param fieldName   the field of the holder that refers to the previous object, or null when the holder is an array
 * @param isStatic    whether {@code fieldName} is a static field (the holder is then the {@code java.lang.Class})
 * @param staticOwner for a static field, the class that declares it; otherwise null
 * @param arrayIndex  the index in the holder array, or -1
 * @param arraySize   the holder array's length, or -1 when the holder is not an array
 * @param skipped     how many objects the JVM left out between this holder and the previous object (0: direct)
 */
public record ReferenceStep(String holderType, String fieldName, boolean isStatic, String staticOwner,
                            int arrayIndex, int arraySize, int skipped) {

    public ReferenceStep {
        Objects.requireNonNull(holderType, "holderType");
    }

    /** Whether the holder is an array. */
    public boolean isArray() {
        return arraySize >= 0;
    }

    /** How the step reads in a chain, for example {@code HashMap.table} or {@code Object[6000]} or {@code static Cache.MAP}. */
    public String describe() {
        if (isStatic && staticOwner != null) {
            return "static " + simpleName(staticOwner) + "." + fieldName;
        }
        if (isArray()) {
            String element = holderType.endsWith("[]") ? holderType.substring(0, holderType.length() - 2) : holderType;
            return simpleName(element) + "[" + arraySize + "]";
        }
        return simpleName(holderType) + (fieldName != null ? "." + fieldName : "");
    }

    /**
     * The name without its package. A hidden class (a lambda) loses its address suffix first, which says nothing to a
     * reader: {@code Class.getName()} writes {@code com.example.App$$Lambda$14/0x0000000800c0b0d8}, JFR writes
     * {@code com.example.App$$Lambda$14+0x00007fe82808e260.1312381159}.
     */
    static String simpleName(String typeName) {
        int suffix = typeName.indexOf("/0x");
        if (suffix < 0) {
            suffix = typeName.indexOf("+0x");
        }
        String name = suffix < 0 ? typeName : typeName.substring(0, suffix);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }
}
