package io.leakwatch.core.internal;

import java.time.Instant;

/**
 * Times as nanoseconds since the epoch, the engine's compact form of an {@code Instant} (8 bytes instead of a
 * 24-byte object and its reference). Conversion saturates outside the years 1677-2262 that a {@code long} can hold:
 * a damaged recording can carry any time, and it must not stop the analysis.
 */
final class EpochNanos {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** The last whole second whose nanoseconds since the epoch fit in a {@code long}, either side of the epoch. */
    private static final long LAST_SECOND = Long.MAX_VALUE / NANOS_PER_SECOND - 1;

    private EpochNanos() {
    }

    /** {@code time} in nanoseconds since the epoch, saturated at about ±292 years. */
    static long of(Instant time) {
        long seconds = Math.max(-LAST_SECOND, Math.min(LAST_SECOND, time.getEpochSecond()));
        return seconds * NANOS_PER_SECOND + time.getNano();
    }

    /** The instant {@code nanos} nanoseconds after the epoch. */
    static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }
}
