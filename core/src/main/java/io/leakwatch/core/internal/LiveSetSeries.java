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
 * @param others       the other families with measurements after warm-up, thinned alike
 * @param choices      how many families the growth test is run on (at least 1: the trend's own family, whatever its
 *                     points, and each of {@code others} that is {@linkplain Family#tested() tested}); they share α
 * @param envelope     the heap after collections after warm-up, thinned to at most 128 points (the lowest of each
 *                     group)
 * @param maxHeapBytes the heap's maximum, or 0 when unknown
 */
record LiveSetSeries(List<LiveSetPoint> all, List<LiveSetPoint> measured, List<HeapPoint> afterGc,
                     List<LiveSetPoint> trendPoints, Set<LiveSetPoint.Source> sources, List<Family> others,
                     int choices, List<HeapPoint> envelope, long maxHeapBytes) {
    LiveSetSeries {
        sources = Set.copyOf(sources);
        others = List.copyOf(others);
        choices = Math.max(1, choices);
    }

    /**
     * The same series with its trend resting on {@code family} instead (the test found growth there, or growth found
     * there earlier is what the verdict shows); the family it rested on joins the others, as tested, since it was.
     */
    LiveSetSeries inFamily(Family family) {
        List<Family> rest = new ArrayList<>(others);
        rest.remove(family);
        rest.add(0, new Family(sources, trendPoints, true));
        return new LiveSetSeries(all, measured, afterGc, family.points(), family.sources(), rest, choices, envelope,
                maxHeapBytes);
    }

    /** The family of {@code sources} among the others, or null. */
    Family other(Set<LiveSetPoint.Source> sources) {
        return others.stream().filter(family -> family.sources().equals(sources)).findFirst().orElse(null);
    }

    /**
     * One family of measurements after warm-up.
     *
     * @param sources the kinds of measurement it holds
     * @param points  its measurements in time order, thinned as the trend points are
     * @param tested  whether the growth test is run on it: it has the points a test needs and still measures
     */
    record Family(Set<LiveSetPoint.Source> sources, List<LiveSetPoint> points, boolean tested) {
        Family {
            sources = Set.copyOf(sources);
            points = List.copyOf(points);
        }
    }
}
