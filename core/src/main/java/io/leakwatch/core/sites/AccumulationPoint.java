package io.leakwatch.core.sites;

import java.util.List;

/**
 * The array in a reference chain that holds the growing objects, and what holds that array.
 *
 * @param container      the array, for example {@code Object[6000]}
 * @param heldBy         the chain from the array to the root, nearest first, for example
 *                       {@code [ArrayList.elementData, static Cache.ENTRIES]}
 * @param firstSize      the array's length when first seen
 * @param latestSize     its length in the latest snapshot
 */
public record AccumulationPoint(String container, List<String> heldBy, int firstSize, int latestSize) {

    public AccumulationPoint {
        heldBy = List.copyOf(heldBy);
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
