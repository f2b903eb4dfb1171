package io.leakwatch.core;

import java.util.List;

/**
 * Where the growing objects of a reference chain accumulate, and what holds it: an array, or in a chain without a
 * large array, a run of links through one field (the nodes of a linked list or queue).
 *
 * @param container      the array, for example {@code Object[6000]}, or the run, for example
 *                       {@code LinkedBlockingQueue$Node.next \u00d7 40}
 * @param heldBy         the chain from the array to the root, nearest first, for example
 *                       {@code [ArrayList.elementData, static Cache.ENTRIES]}
 * @param firstSize      the array's length (or the run's links) when first seen
 * @param latestSize     the same in the latest snapshot
 */
public record AccumulationPoint(String container, List<String> heldBy, int firstSize, int latestSize) {

    public AccumulationPoint {
        heldBy = List.copyOf(heldBy);
    }

    private static final String RUN_MARK = " \u00d7 ";

    /** Whether the container is a run of links rather than an array. */
    public boolean linked() {
        return container.contains(RUN_MARK);
    }

    /**
     * Whether a line of a chain (as {@link io.leakwatch.core.ReferenceStep#describe(List)} writes it) shows this
     * container, whatever its size was when that chain was taken.
     */
    public boolean isShownBy(String chainLine) {
        return shape(chainLine).equals(shape(container));
    }

    private static String shape(String line) {
        int mark = line.indexOf(RUN_MARK);
        return mark >= 0 ? line.substring(0, mark) : line.replaceFirst("\\[\\d+]$", "[]");
    }

    /** Whether the array grew between the first and the latest snapshot. */
    public boolean grew() {
        return latestSize > firstSize;
    }

    /** The whole point on one line: {@code Object[6000] ← ArrayList.elementData ← static Cache.ENTRIES}. */
    public String describe() {
        StringBuilder text = new StringBuilder(container);
        for (String holder : heldBy) {
            text.append(" \u2190 ").append(holder);
        }
        return text.toString();
    }
}
