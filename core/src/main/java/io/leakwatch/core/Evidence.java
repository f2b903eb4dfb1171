package io.leakwatch.core;

import java.util.Objects;

/**
 * One signal a leak candidate rests on, in words.
 *
 * @param signal  which signal
 * @param summary what it showed, with numbers
 */
public record Evidence(Signal signal, String summary) {

    /** The independent signals Leakwatch combines. */
    public enum Signal {
        /** The live set grows: measurements after collections that freed the old generation. */
        LIVE_SET_GROWTH,
        /** The type's instances and bytes grow between heap inspections. */
        TYPE_GROWTH,
        /** Old-object samples from the site keep arriving and stay alive across snapshots. */
        SITE_ACCUMULATION,
        /** The array that holds the objects grew between snapshots. */
        CONTAINER_GROWTH,
        /** Its surviving samples were allocated steadily over the whole run, held in one container. */
        STEADY_SURVIVORS,
        /** Allocation samples of its type come mostly from one site (where old-object samples are off). */
        ALLOCATION_SITE,
        /** A kind's series outside the heap grows: metaspace, threads, direct memory, a native memory category. */
        KIND_GROWTH,
        /** Owners accumulate: loaders of one type that collections do not unload, threads that never end. */
        OWNERS_ACCUMULATE,
        /** The same classes are defined again and again by new loaders. */
        CLASSES_REDEFINED,
        /** The code that defines the classes, starts the threads or allocates the buffers. */
        ALLOCATING_CODE,
        /** Application types that grow in the heap in step with the kind. */
        GROWS_IN_STEP
    }

    public Evidence {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(summary, "summary");
    }
}
