package io.leakwatch.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One collection on the run's GC timeline, or, once a long timeline has been thinned, several adjacent collections
 * of one kind, shown by the one that paused longest.
 *
 * @param time        when that collection ended
 * @param kind        the kind of collection
 * @param pause       its total pause (the longest of the collections this point stands for)
 * @param duration    its wall time, concurrent phases included (of the same collection as {@code pause})
 * @param collections how many collections the point stands for: 1, or more once thinned; the counts of a
 *                    timeline add up to every collection recorded, so frequencies can be read from it
 */
public record GcPoint(Instant time, GcKind kind, Duration pause, Duration duration, long collections) {

    public GcPoint {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(duration, "duration");
        if (collections < 1) {
            throw new IllegalArgumentException("a GC point stands for at least one collection: " + collections);
        }
    }
}
