package io.leakwatch.core.internal;

import io.leakwatch.core.HeapPoint;
import io.leakwatch.core.LiveSetPoint;

import java.util.List;
import java.util.Set;

/**
 * The live-set measurements as the rules see them.
 *
 * @param all          every live-set measurement of the run, warm-up included
 * @param measured     the same without an inspection that repeats its own full collection
 * @param afterGc      the heap after every collection of the run
 * @param trendPoints  the measurements of one family after warm-up that trends rest on, in time order (thinned
 *                     to at most 128, the lowest of each group)
 * @param sources      that family
 * @param choices      how many families had enough points to be chosen by their precision (at least 1): the test
 *                     of the chosen one shares α among them
 * @param envelope     the heap after collections after warm-up, thinned to at most 128 points (the lowest of each
 *                     group)
 * @param maxHeapBytes the heap's maximum, or 0 when unknown
 */
record LiveSetSeries(List<LiveSetPoint> all, List<LiveSetPoint> measured, List<HeapPoint> afterGc,
                     List<LiveSetPoint> trendPoints, Set<LiveSetPoint.Source> sources, int choices,
                     List<HeapPoint> envelope,
                     long maxHeapBytes) {
    LiveSetSeries {
        choices = Math.max(1, choices);
    }
}
