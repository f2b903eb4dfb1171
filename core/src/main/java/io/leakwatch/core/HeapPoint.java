package io.leakwatch.core;

import java.time.Instant;

/**
 * Heap in use after one collection (or the lowest of several, once a long series has been thinned).
 *
 * @param time  when the collection ended
 * @param bytes heap in use after it
 */
public record HeapPoint(Instant time, long bytes) {
}
