package io.leakwatch.core;

/**
 * How much evidence an analysis rests on.
 *
 * @param collections       collections joined with their heap summaries (or counted without them)
 * @param objectSamples     old-object samples received
 * @param snapshots         distinct old-object snapshots kept
 * @param histograms        class histograms kept
 * @param duplicates        events ignored because they had been seen already
 * @param allocationSamples allocation samples received
 */
public record EventCounts(long collections, long objectSamples, int snapshots, int histograms, long duplicates,
                          long allocationSamples) {
}
