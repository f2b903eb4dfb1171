package io.leakwatch.core.internal;

import io.leakwatch.core.LeakKind;
import io.leakwatch.core.SeriesPoint;

import java.util.List;

/**
 * One series of a kind outside the heap, as the rules see it.
 *
 * @param kind        what it is about
 * @param series      which series ({@code metaspace}, {@code threads}, {@code direct memory}, an NMT category)
 * @param recorded    whether any value was recorded; when not, {@code note} says what the kind needs
 * @param note        what the kind needs or leaves out, or empty
 * @param measured    every measurement of the run, warm-up included (the values after collections that free what
 *                    is dead, for kinds that need them; else every sample)
 * @param trendPoints the measurements after warm-up that trends rest on (at most 128, the lowest of each group)
 * @param samples     every sampled value of the run
 * @param envelope    every sampled value after warm-up (at most 128), or empty when samples are the measurements
 * @param maxValue    the series' maximum, or 0 when none is known
 * @param material    the least growth that counts, in the kind's unit
 */
record KindSeries(LeakKind kind, String series, boolean recorded, String note, List<SeriesPoint> measured,
                  List<SeriesPoint> trendPoints, List<SeriesPoint> samples, List<SeriesPoint> envelope, long maxValue,
                  double material) {
}
