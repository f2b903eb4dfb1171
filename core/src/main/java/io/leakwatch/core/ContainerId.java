package io.leakwatch.core;

import java.util.List;

/**
 * What a container of leaking objects is, as a value: the container's step and every step that holds it up to the
 * root, with array indices, lengths and left-out counts removed ({@link ReferenceStep#shape()}). Two samples whose
 * chains end in the same container have equal ids however large it was when each was taken; a renamed label never
 * changes grouping.
 *
 * @param linked whether the container is a run of links rather than an array
 * @param path   the container's step, then its holders, nearest first
 */
public record ContainerId(boolean linked, List<ReferenceStep> path) {

    public ContainerId {
        path = List.copyOf(path);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a container id needs at least the container's step");
        }
    }
}
