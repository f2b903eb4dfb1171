package io.leakwatch.core;

import java.util.ArrayList;
import java.util.List;
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
    /** Runs of links shorter than this are shown step by step. */
    private static final int MIN_SHOWN_RUN = 3;

    public ReferenceStep {
        Objects.requireNonNull(holderType, "holderType");
    }

    /**
     * This step without what changes from one chain of the same structure to the next: the array index and length
     * (an array keeps length 0, so it is still an array), and how many objects the JVM left out.
     */
    public ReferenceStep shape() {
        return new ReferenceStep(holderType, fieldName, isStatic, staticOwner, -1, isArray() ? 0 : -1, 0);
    }

    /** Whether the holder is an array. */
    public boolean isArray() {
        return arraySize >= 0;
    }

    /**
     * How the step reads in a chain, for example {@code HashMap.table} or {@code Object[6000]} or {@code static
     * Cache.MAP}, and {@code Node (120 more left out)} where the JVM left objects out of the chain.
     */
    public String describe() {
        String step = describeHolder();
        return skipped > 0 && fieldName == null && !isArray() ? step + " (" + skipped + " more left out)" : step;
    }

    private String describeHolder() {
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
     * How a chain reads, one line a step, except that a run of links through one field of one type (the nodes of a
     * linked list or queue, which can be thousands) reads as one line: {@code LinkedBlockingQueue$Node.next \u00d7 40}.
     */
    public static List<String> describe(List<ReferenceStep> chain) {
        List<String> lines = new ArrayList<>();
        int i = 0;
        while (i < chain.size()) {
            int run = linkRun(chain, i);
            if (run >= MIN_SHOWN_RUN) {
                lines.add(chain.get(i).describe() + " \u00d7 " + links(chain, i, run));
                i += run;
            } else {
                lines.add(chain.get(i).describe());
                i++;
            }
        }
        return lines;
    }

    /**
     * How many steps, from {@code start}, link objects of one type through one instance field (1 for a step that
     * starts no run). A step where the JVM left objects out, between links of that type, belongs to the run.
     */
    public static int linkRun(List<ReferenceStep> chain, int start) {
        ReferenceStep first = chain.get(start);
        int end = start + 1;
        if (!first.isArray() && !first.isStatic() && first.fieldName() != null) {
            while (end < chain.size() && chain.get(end).continuesRunOf(first)) {
                end++;
            }
        }
        return end - start;
    }

    /** How many links {@code steps} steps from {@code start} stand for, counting the objects the JVM left out. */
    public static int links(List<ReferenceStep> chain, int start, int steps) {
        int links = 0;
        for (int i = start; i < start + steps; i++) {
            links += 1 + chain.get(i).skipped();
        }
        return links;
    }

    private boolean continuesRunOf(ReferenceStep first) {
        boolean sameLink = first.fieldName().equals(fieldName) && !isStatic;
        boolean elided = fieldName == null && skipped > 0 && !isArray();
        return holderType.equals(first.holderType()) && (sameLink || elided);
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
