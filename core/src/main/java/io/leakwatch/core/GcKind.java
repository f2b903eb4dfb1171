package io.leakwatch.core;

/**
 * What a garbage collection reclaimed, independent of the collector that ran it.
 *
 * <p>The kind decides whether the heap left after the collection says anything about the live set:
 * only {@link #FULL} and {@link #OLD} collections, and the last of a run of {@link #MIXED} ones, free
 * the old generation; the heap after a {@link #YOUNG} collection still holds whatever dead objects
 * were promoted and is only an upper bound.
 */
public enum GcKind {
    /** Young generation only (G1 Normal / Concurrent Start / Prepare Mixed, ParallelScavenge, DefNew, ZGC Minor). */
    YOUNG,
    /** G1 young collection that also evacuates some old regions. */
    MIXED,
    /** Collects the old generation concurrently (ZGC, ZGC Major, Shenandoah, CMS); "after" includes allocation during the cycle. */
    OLD,
    /** Stop-the-world collection of the whole heap (G1Full, ParallelOld, SerialOld, a heap inspection). */
    FULL,
    /** Concurrent marking that frees little by itself (G1Old): G1 reclaims old regions in later mixed collections. */
    CONCURRENT_CYCLE;

    /** Whether the heap after this kind of collection approximates the live set. */
    public boolean reclaimsOldGeneration() {
        return this == FULL || this == OLD;
    }
}
