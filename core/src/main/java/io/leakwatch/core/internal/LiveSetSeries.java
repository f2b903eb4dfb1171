package io.leakwatch.core.internal;

import io.leakwatch.core.HeapPoint;
import io.leakwatch.core.LiveSetPoint;

import java.util.ArrayList;
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
 * @param alternatives the other families the growth test is run on (each has enough points and still measures)
 * @param choices      how many families the growth test is run on (at least 1): they share α among them
 * @param envelope     the heap after collections after warm-up, thinned to at most 128 points (the lowest of each
 *                     group)
 * @param maxHeapBytes the heap's maximum, or 0 when unknown
 */
record LiveSetSeries(List<LiveSetPoint> all, List<LiveSetPoint> measured, List<HeapPoint> afterGc,
                     List<LiveSetPoint> trendPoints, Set<LiveSetPoint.Source> sources, List<Family> alternatives,
                     int choices, List<HeapPoint> envelope, long maxHeapBytes) {
    LiveSetSeries {
        alternatives = List.copyOf(alternatives);
        choices = Math.max(1, choices);
    }

    /** The same series with its trend resting on {@code family} instead: the test found growth there. */
    LiveSetSeries inFamily(Family family) {
        List<Family> others = new ArrayList<>(alternatives);
        others.remove(family);
        others.add(0, new Family(sources, trendPoints));
        return new LiveSetSeries(all, measured, afterGc, family.points(), family.sources(), others, choices, envelope,
                maxHeapBytes);
    }

    /**
     * One family of measurements after warm-up.
     *
     * @param sources the kinds of measurement it holds
     * @param points  its measurements in time order, thinned as the trend points are
     */
    record Family(Set<LiveSetPoint.Source> sources, List<LiveSetPoint> points) {
        Family {
            points = List.copyOf(points);
        }
    }
}
