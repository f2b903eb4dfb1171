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
        STEADY_SURVIVORS
    }

    public Evidence {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(summary, "summary");
    }
}
