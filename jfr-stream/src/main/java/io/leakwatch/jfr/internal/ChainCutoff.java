package io.leakwatch.jfr.internal;

import java.time.Duration;

/**
 * How long the path search of each chain snapshot may take. The JVM stops the search at the cutoff and leaves the
 * samples it did not reach without a chain; on a loaded machine three 10 ms searches in 30 s left a Tomcat session
 * leak without one, and under generational ZGC an old-object window's 10 ms search left all five of its samples of a
 * thread-local leak without one. So while who holds the growing objects is what the verdict waits for
 * ({@link ProbeSchedule#holdersWanted}) after a snapshot or window, each further one searches {@value #STEP} times
 * longer than the last, up to {@link #MAX}, and the configured cutoff returns once that is no longer so. Each search
 * is a pause that the pause budget counts like any other. A configured cutoff of zero (no path search) is kept. Not
 * thread-safe: the worker thread's.
 */
final class ChainCutoff {
    /** The longest search. */
    static final Duration MAX = Duration.ofSeconds(1);
    static final int STEP = 4;

    private final Duration configured;
    private Duration current;
    private boolean lastWantedHolders;

    ChainCutoff(Duration configured) {
        this.configured = configured;
        this.current = configured;
    }

    /**
     * The cutoff of a snapshot or window taken now.
     *
     * @param holdersWanted {@link ProbeSchedule#holdersWanted} of the latest analysis
     */
    Duration next(boolean holdersWanted) {
        if (!holdersWanted) {
            reset();
        } else if (lastWantedHolders && !configured.isZero()) {
            Duration longer = current.multipliedBy(STEP);
            current = longer.compareTo(MAX) > 0 ? MAX : longer;
        }
        lastWantedHolders = holdersWanted;
        return current;
    }

    /** Back to the configured cutoff: holders are no longer wanted, and the next episode starts short. */
    void reset() {
        current = configured;
        lastWantedHolders = false;
    }
}
