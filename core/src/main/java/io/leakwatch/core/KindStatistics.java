package io.leakwatch.core;


/**
 * Collections of one kind within a window.
 *
 * @param kind            the kind of collection
 * @param count           how many ended in the window
 * @param perMinute       how often, over the window's covered span
 * @param pauses          pause percentiles
 * @param reclaimedBytes  bytes freed by them in total
 */
public record KindStatistics(GcKind kind, long count, double perMinute, PauseStatistics pauses, long reclaimedBytes) {
}
