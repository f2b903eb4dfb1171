package io.leakwatch.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One value of a kind's series: metaspace in use, live threads, direct memory, a native memory category.
 *
 * @param time  when it was measured
 * @param value the value, in the kind's unit ({@link LeakKind#unit()})
 */
public record SeriesPoint(Instant time, long value) {
    public SeriesPoint {
        Objects.requireNonNull(time, "time");
    }
}
