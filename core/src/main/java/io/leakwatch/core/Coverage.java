package io.leakwatch.core;

import java.util.List;
import java.util.Set;

/**
 * Which kinds of evidence an analysis had, and what it could not see for want of the others.
 *
 * @param sources what the events held
 * @param gaps    what could not be seen and why, one sentence each (empty when nothing is missing)
 */
public record Coverage(Set<Source> sources, List<String> gaps) {

    /** A kind of evidence. */
    public enum Source {
        /** Collections that free the old generation, or heap inspections: measurements of the live set. */
        LIVE_SET_MEASUREMENTS,
        /** Class histograms: which types grow. */
        HEAP_INSPECTIONS,
        /** Old-object samples: where long-lived objects were allocated. */
        OLD_OBJECT_SAMPLES,
        /** Old-object samples with their paths to GC roots: who holds them. */
        REFERENCE_CHAINS,
        /** Throttled allocation samples: where types are allocated. */
        ALLOCATION_SAMPLES
    }

    public Coverage {
        sources = Set.copyOf(sources);
        gaps = List.copyOf(gaps);
    }
}
