package io.leakwatch.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where the growing objects of a reference chain accumulate, and what holds it: an array, or in a chain without a
 * large array, a run of links through one field (the nodes of a linked list or queue).
 *
 * @param container  the array's step of the chain ({@code Object[6000]}), or the first link of the run
 *                   ({@code LinkedBlockingQueue$Node.next})
 * @param linked     whether the container is a run of links rather than an array
 * @param heldBy     the steps from the container to the root, nearest first, for example
 *                   {@code [ArrayList.elementData, static Cache.ENTRIES]}
 * @param firstSize  the array's length (or the run's links) when first seen
 * @param latestSize the same in the latest snapshot
 */
public record AccumulationPoint(ReferenceStep container, boolean linked, List<ReferenceStep> heldBy, int firstSize,
                                int latestSize) {
    private static final String RUN_MARK = " \u00d7 ";

    public AccumulationPoint {
        Objects.requireNonNull(container, "container");
        heldBy = List.copyOf(heldBy);
    }

    /** What the container is, whatever its size: the key that tells one leak's container from another's. */
    public ContainerId identity() {
        List<ReferenceStep> path = new ArrayList<>();
        path.add(container.shape());
        heldBy.forEach(step -> path.add(step.shape()));
        return new ContainerId(linked, path);
    }

    /** The container at its latest size: {@code Object[6000]} or {@code LinkedBlockingQueue$Node.next × 40}. */
    public String describeContainer() {
        if (linked) {
            return container.describe() + RUN_MARK + latestSize;
        }
        return container.describe().replaceFirst("\\[\\d+]$", "[" + latestSize + "]");
    }

    /**
     * Whether a line of a chain (as {@link ReferenceStep#describe(List)} writes it) shows this container, whatever
     * its size was when that chain was taken.
     */
    public boolean isShownBy(String chainLine) {
        return shape(chainLine).equals(shape(describeContainer()));
    }

    private static String shape(String line) {
        int mark = line.indexOf(RUN_MARK);
        return mark >= 0 ? line.substring(0, mark) : line.replaceFirst("\\[\\d+]$", "[]");
    }

    /** Whether the container grew between the first and the latest snapshot. */
    public boolean grew() {
        return latestSize > firstSize;
    }

    /** The whole point on one line: {@code Object[6000] ← ArrayList.elementData ← static Cache.ENTRIES}. */
    public String describe() {
        StringBuilder text = new StringBuilder(describeContainer());
        for (ReferenceStep holder : heldBy) {
            text.append(" \u2190 ").append(holder.describe());
        }
        return text.toString();
    }
}
