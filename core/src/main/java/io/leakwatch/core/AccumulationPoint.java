package io.leakwatch.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where the growing objects of a reference chain accumulate, named at the level its user knows it. Three steps of
 * the chain matter, each found by its index:
 * <ul>
 *   <li>the <b>storage</b>: the array that holds the objects ({@code HashMap$Node[131072]}), or, in a chain without a
 *       large array, the run of links through one field ({@code LinkedBlockingQueue$Node.next × 7300});</li>
 *   <li>the <b>container</b>: the object whose size grows, the map, list, queue or cache that owns the storage
 *       ({@code HashMap}, the session manager's {@code ConcurrentHashMap}, a Caffeine cache), found by climbing out of
 *       the storage's own implementation (and refined by a small table of library containers);</li>
 *   <li>the <b>suspect reference</b>: the application's field nearest to the container on the root side, the one
 *       reference its owner controls ({@code static Shop.CARTS}, {@code PriceServlet.cache}); absent when only
 *       library or JDK objects hold the container.</li>
 * </ul>
 *
 * @param chain          the chain the indices refer to, nearest first (the candidate's reference chain)
 * @param storageIndex   the storage's step: an array's, or a run's first link
 * @param storageSteps   how many steps the storage spans (1 for an array)
 * @param linked         whether the storage is a run of links rather than an array
 * @param containerIndex the step whose holder is the container (the storage's own step when nothing owns it)
 * @param knownContainer what a table of well-known library containers calls the container ({@code Caffeine cache}),
 *                       or null when the general rule named it
 * @param suspectIndex   the suspect reference's step, or -1
 * @param firstSize      the array's length (or the run's links) when first seen
 * @param latestSize     the same in the latest snapshot
 */
public record AccumulationPoint(List<ReferenceStep> chain, int storageIndex, int storageSteps, boolean linked,
                                int containerIndex, String knownContainer, int suspectIndex, int firstSize,
                                int latestSize) {
    private static final String RUN_MARK = " \u00d7 ";
    private static final String ARROW = " \u2190 ";
    /** Without a suspect reference, this many holders of the container are shown on one line. */
    private static final int HOLDERS_SHOWN = 3;

    public AccumulationPoint {
        chain = List.copyOf(chain);
        if (storageIndex < 0 || storageSteps < 1 || storageIndex + storageSteps > chain.size()) {
            throw new IllegalArgumentException("storage steps " + storageIndex + "+" + storageSteps
                    + " are not in a chain of " + chain.size());
        }
        if (containerIndex != storageIndex && (containerIndex < storageIndex + storageSteps
                || containerIndex >= chain.size())) {
            throw new IllegalArgumentException("container step " + containerIndex + " is neither the storage's nor"
                    + " after it");
        }
        if (suspectIndex != -1 && (suspectIndex < storageIndex + storageSteps || suspectIndex <= containerIndex
                || suspectIndex >= chain.size())) {
            throw new IllegalArgumentException("suspect step " + suspectIndex + " is not after the container");
        }
    }

    /**
     * A point read from a chain of which only the storage and its holders are known: the storage's first holder
     * owns it, nothing is the application's.
     *
     * @param storage the array's step, or the run's first link
     * @param heldBy  the steps from the storage to the root, nearest first
     */
    public AccumulationPoint(ReferenceStep storage, boolean linked, List<ReferenceStep> heldBy, int firstSize,
                             int latestSize) {
        this(join(storage, heldBy), 0, 1, linked, heldBy.isEmpty() ? 0 : 1, null, -1, firstSize, latestSize);
    }

    private static List<ReferenceStep> join(ReferenceStep storage, List<ReferenceStep> heldBy) {
        List<ReferenceStep> chain = new ArrayList<>();
        chain.add(Objects.requireNonNull(storage, "storage"));
        chain.addAll(heldBy);
        return chain;
    }

    /** The same point with the sizes of its storage when first and latest seen. */
    public AccumulationPoint withSizes(int first, int latest) {
        return new AccumulationPoint(chain, storageIndex, storageSteps, linked, containerIndex, knownContainer,
                suspectIndex, first, latest);
    }

    /** The storage's step: the array ({@code Object[6000]}), or the run's first link. */
    public ReferenceStep storage() {
        return chain.get(storageIndex);
    }

    /**
     * Whether the storage is the sampled object itself: a sampled array of references with nothing larger in its
     * chain, whose chain is then read led by that array, a step with no element index (nothing in it lies on the way
     * to the sample).
     */
    public boolean storageIsSampled() {
        ReferenceStep storage = storage();
        return storageIndex == 0 && !linked && storage.isArray() && storage.arrayIndex() < 0;
    }

    /** The container's step: its holder is the container, its field refers into the storage. */
    public ReferenceStep containerStep() {
        return chain.get(containerIndex);
    }

    /** The container's type, for example {@code java.util.HashMap}. */
    public String containerType() {
        return containerStep().holderType();
    }

    /** The suspect reference's step, or null when no field of the application holds the container. */
    public ReferenceStep suspect() {
        return suspectIndex < 0 ? null : chain.get(suspectIndex);
    }

    /** The steps from the storage to the root, nearest first. */
    public List<ReferenceStep> heldBy() {
        return chain.subList(storageIndex + storageSteps, chain.size());
    }

    /** The steps from the container to the root, nearest first: what holds the container. */
    public List<ReferenceStep> containerHeldBy() {
        return chain.subList(firstHolder(), chain.size());
    }

    private int firstHolder() {
        return containerIndex == storageIndex ? storageIndex + storageSteps : containerIndex + 1;
    }

    /**
     * What the container is, whatever its size: the container's step and its first holder (the suspect reference
     * when the application holds the container directly: {@code static Registry.CUSTOMERS}, {@code
     * PriceService.quotes}), with indices, lengths and left-out counts removed. Samples of one leak have equal ids
     * however large the container was when each was taken. A suspect reference further away is left out: the route
     * from the container to it is the JVM's choice of path to a root, which changes between runs (an embedded
     * Tomcat's session map reached through the application's {@code tomcat} field in two runs of three, through a
     * thread of Tomcat's own in the third).
     */
    public ContainerId identity() {
        List<ReferenceStep> path = new ArrayList<>();
        path.add(containerStep().shape());
        int holder = firstHolder();
        if (holder < chain.size()) {
            path.add(chain.get(holder).shape());
        }
        return new ContainerId(linked, path);
    }

    /** The storage at its latest size: {@code Object[6000]} or {@code LinkedBlockingQueue$Node.next × 40}. */
    public String describeStorage() {
        if (linked) {
            return storage().describe() + RUN_MARK + latestSize;
        }
        return storage().describe().replaceFirst("\\[\\d+]$", "[" + latestSize + "]");
    }

    /**
     * The container by what it is, with its storage: {@code HashMap (HashMap$Node[131072])}, {@code Caffeine cache
     * BoundedLocalCache$BoundedLocalManualCache (ConcurrentHashMap$Node[4096])}, or the storage alone when nothing
     * owns it.
     */
    public String describeContainer() {
        if (containerIndex == storageIndex) {
            return describeStorage();
        }
        String type = TypeNames.simple(containerType());
        return (knownContainer == null ? type : knownContainer + " " + type) + " (" + describeStorage() + ")";
    }

    /** Whether the storage grew between the first and the latest snapshot. */
    public boolean grew() {
        return latestSize > firstSize;
    }

    /**
     * The point on one line, the container and what holds it: {@code HashMap (HashMap$Node[6000]) ← static
     * Cache.ENTRIES}; its first holder and the suspect reference, with how many holders lie between them ({@code
     * ConcurrentHashMap (ConcurrentHashMap$Node[16384]) ← StandardManager.sessions ← … 9 more ← Shop.tomcat}); without
     * a suspect reference, its first few holders.
     */
    public String describe() {
        StringBuilder text = new StringBuilder(describeContainer());
        int holder = firstHolder();
        int last = suspectIndex >= 0 ? suspectIndex : chain.size() - 1;
        if (holder > last) {
            return text.toString();
        }
        boolean elide = suspectIndex >= 0 ? last - holder > 2 : last - holder >= HOLDERS_SHOWN;
        int shownTo = elide ? (suspectIndex >= 0 ? holder : holder + HOLDERS_SHOWN - 1) : last;
        for (int i = holder; i <= shownTo; i++) {
            text.append(ARROW).append(chain.get(i).describe());
        }
        if (elide) {
            int more = suspectIndex >= 0 ? last - shownTo - 1 : last - shownTo;
            text.append(ARROW).append("\u2026 ").append(more).append(" more");
            if (suspectIndex >= 0) {
                text.append(ARROW).append(chain.get(suspectIndex).describe());
            }
        }
        return text.toString();
    }
}
