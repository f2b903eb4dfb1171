package io.leakwatch.core.internal;

import io.leakwatch.core.AccumulationPoint;
import io.leakwatch.core.ApplicationCode;
import io.leakwatch.core.JdkTypes;
import io.leakwatch.core.ReferenceStep;
import io.leakwatch.core.TypeNames;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads where the objects of a chain accumulate ({@link AccumulationPoint}): the storage, the container that owns it,
 * and the application's reference to it.
 *
 * <ol>
 *   <li><b>Storage</b>: an array of at least {@value #MIN_ARRAY} elements, or, in a chain without one, a run of at
 *       least {@value #MIN_LINK_RUN} links through one field. Of several, one below an application's field first
 *       (the application holds it: a cache's table, not the MBean registry the chain passes further up), then the
 *       largest. None smaller than the sampled object when it is an array of references itself: then it is the
 *       storage (a session map's table, sampled as it was resized; its chain is then read led by the array), and a
 *       smaller array rootward belongs to another structure that holds the container (Tomcat's {@code Mapper} map
 *       of contexts, 16 slots, read as the session leak's container in one run of about 45 before this rule).</li>
 *   <li><b>Container</b>: the object whose field refers to the storage ({@code HashMap.table}), and rootward of it
 *       every holder of the same structure: a class nested in the same top-level class as the storage's elements or
 *       owner ({@code HashMap$TreeNode}, the pages of a B-tree). Then the table of {@link KnownContainers} may lift
 *       it to the library object users know (a Caffeine cache around its map), through library and JDK holders only:
 *       the outermost of the first run of holders that match (JDK holders between them belong to the run).</li>
 *   <li><b>Suspect reference</b>: the first step rootward of the container whose owner is application code.</li>
 * </ol>
 */
final class ContainerFinder {
    /** Arrays shorter than this are not taken for storage. */
    static final int MIN_ARRAY = 16;
    /** Nor are runs of fewer links than this (a hash bucket's few nodes). */
    static final int MIN_LINK_RUN = 8;
    /** How far rootward of the general container the table of known containers is looked up. */
    static final int KNOWN_CONTAINER_REACH = 8;

    private final ApplicationCode code;

    ContainerFinder(ApplicationCode code) {
        this.code = code;
    }

    /** The accumulation point of a chain (its sizes those of this chain), or null when it has no storage. */
    AccumulationPoint find(List<ReferenceStep> chain) {
        return find(chain, -1);
    }

    /**
     * The accumulation point of a sampled object's chain, or null when it has none.
     *
     * @param sampledType        the sampled object's type
     * @param sampledArrayLength its length when it is an array, else -1
     */
    AccumulationPoint find(List<ReferenceStep> chain, String sampledType, int sampledArrayLength) {
        int length = holdsReferences(sampledType) ? sampledArrayLength : -1;
        AccumulationPoint point = find(chain, length);
        if (point != null || length < MIN_ARRAY || chain.isEmpty()) {
            return point;
        }
        // The sampled array is the storage itself: its chain, led by the array, reads as the chain of one of its
        // elements would, and its container has the same identity (the session table sampled as it was resized is
        // the session leak's table, not a candidate of its own).
        List<ReferenceStep> fromStorage = new ArrayList<>(chain.size() + 1);
        fromStorage.add(new ReferenceStep(sampledType, null, false, null, -1, length, 0));
        fromStorage.addAll(chain);
        return point(fromStorage, 0, 1, false, length);
    }

    /** Whether a type is an array of references, which can be storage itself ({@code byte[]} cannot). */
    private static boolean holdsReferences(String arrayType) {
        if (!arrayType.endsWith("[]")) {
            return false;
        }
        String element = arrayType.substring(0, arrayType.length() - 2);
        return element.endsWith("[]") || element.contains(".");
    }

    private AccumulationPoint find(List<ReferenceStep> chain, int sampledArrayLength) {
        int leastArray = Math.max(MIN_ARRAY, sampledArrayLength);
        int bestIndex = -1;
        boolean bestHeld = false;
        for (int i = 0; i < chain.size(); i++) {
            ReferenceStep step = chain.get(i);
            if (!step.isArray() || step.arraySize() < leastArray) {
                continue;
            }
            boolean held = suspectAbove(chain, i + 1) >= 0;
            if (bestIndex < 0 || held && !bestHeld
                    || held == bestHeld && step.arraySize() > chain.get(bestIndex).arraySize()) {
                bestIndex = i;
                bestHeld = held;
            }
        }
        if (bestIndex >= 0) {
            return point(chain, bestIndex, 1, false, chain.get(bestIndex).arraySize());
        }
        int runStart = -1;
        int runSteps = 0;
        int runLinks = 0;
        for (int i = 0; i < chain.size(); i++) {
            int steps = ReferenceStep.linkRun(chain, i);
            int links = ReferenceStep.links(chain, i, steps);
            if (links >= MIN_LINK_RUN && links > runLinks) {
                runStart = i;
                runSteps = steps;
                runLinks = links;
            }
        }
        return runStart < 0 ? null : point(chain, runStart, runSteps, true, runLinks);
    }

    private AccumulationPoint point(List<ReferenceStep> chain, int storage, int steps, boolean linked, int size) {
        int owner = storage + steps;
        if (owner >= chain.size() || chain.get(owner).isStatic()) {
            // Nothing owns the storage, or a static field holds it directly.
            int suspect = owner < chain.size() ? suspectAbove(chain, owner) : -1;
            return new AccumulationPoint(chain, storage, steps, linked, storage, null, suspect, size, size);
        }
        String family = TypeNames.topLevel(familyType(chain.get(storage), chain.get(owner)));
        int container = owner;
        while (container + 1 < chain.size() && !chain.get(container + 1).isStatic()
                && !code.isApplication(chain.get(container + 1).owner())
                && TypeNames.topLevel(chain.get(container + 1).holderType()).equals(family)) {
            container++;
        }
        String known = null;
        int suspect = suspectAbove(chain, container + 1);
        int reach = Math.min(suspect < 0 ? chain.size() : suspect, container + 1 + KNOWN_CONTAINER_REACH);
        for (int i = container + 1; i < reach && !chain.get(i).isStatic(); i++) {
            KnownContainers entry = KnownContainers.of(chain.get(i).holderType());
            if (entry != null) {
                known = entry.label();
                container = i;
            } else if (known != null && !JdkTypes.isJdk(chain.get(i).holderType())) {
                break; // the outermost of the first run of matches (JDK holders between them belong to it)
            }
        }
        return new AccumulationPoint(chain, storage, steps, linked, container, known, suspect, size, size);
    }

    /**
     * The type whose top-level class the structure's classes share: the storage's element type when it is a nested
     * class ({@code HashMap$Node[]}, {@code LinkedBlockingQueue$Node}), else the storage's owner ({@code ArrayList}
     * for an {@code Object[]}).
     */
    private static String familyType(ReferenceStep storage, ReferenceStep owner) {
        String element = storage.holderType().replace("[]", "");
        return element.contains("$") ? element : owner.holderType();
    }

    /** The first step from {@code from} rootward whose owner is the application's, or -1. */
    private int suspectAbove(List<ReferenceStep> chain, int from) {
        for (int i = from; i < chain.size(); i++) {
            if (code.isApplication(chain.get(i).owner())) {
                return i;
            }
        }
        return -1;
    }
}
