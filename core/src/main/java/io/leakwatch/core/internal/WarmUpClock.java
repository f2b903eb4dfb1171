package io.leakwatch.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The one warm-up of an analysis: the span from the first event in which start-up growth (caches filling, classes
 * loading) is left out of trends, site arrivals and type growth. It ends after the configured length, or sooner
 * when the heap is about to fill: a heap projected to be exhausted before the warm-up is over cannot wait for it.
 * Like everything in the analysis it reads time from events only. Not thread-safe.
 */
final class WarmUpClock {
    private final Duration length;
    private final Deque<double[]> recentAfterGc = new ArrayDeque<>();
    private Instant first;
    private Instant endedEarlyAt;

    WarmUpClock(Duration length) {
        this.length = length;
    }

    /** Notes the time of any event. */
    void noteTime(Instant time) {
        if (first == null || time.isBefore(first)) {
            first = time;
        }
    }

    /**
     * Notes the heap left after a collection, to see whether it is about to fill: the warm-up ends at the first
     * collection after which the heap is at least {@link Thresholds#URGENT_HEAP_SHARE} full and the slope of the
     * latest {@link Thresholds#URGENT_TREND_POINTS} after-GC values would fill the rest within
     * {@link Thresholds#URGENT_EXHAUSTION}.
     */
    void noteAfterGc(Instant time, long usedBytes, long maxBytes) {
        noteTime(time);
        if (endedEarlyAt != null || maxBytes <= 0 || isOver(time)) {
            return;
        }
        recentAfterGc.addLast(new double[]{time.getEpochSecond() + time.getNano() / 1e9, usedBytes});
        if (recentAfterGc.size() > Thresholds.URGENT_TREND_POINTS) {
            recentAfterGc.removeFirst();
        }
        if (recentAfterGc.size() < Thresholds.URGENT_TREND_POINTS
                || usedBytes < Thresholds.URGENT_HEAP_SHARE * maxBytes) {
            return;
        }
        double[] x = new double[recentAfterGc.size()];
        double[] y = new double[recentAfterGc.size()];
        int i = 0;
        for (double[] point : recentAfterGc) {
            x[i] = point[0] - recentAfterGc.getFirst()[0];
            y[i++] = point[1];
        }
        double slope = TrendStatistics.theilSenSlope(x, y);
        if (slope > 0 && (maxBytes - usedBytes) / slope < Thresholds.URGENT_EXHAUSTION.toSeconds()) {
            endedEarlyAt = time;
        }
    }

    /** When the warm-up ends (or ended), or {@link Instant#MIN} before any event. */
    Instant end() {
        if (first == null) {
            return Instant.MIN;
        }
        Instant planned = first.plus(length);
        return endedEarlyAt != null && endedEarlyAt.isBefore(planned) ? endedEarlyAt : planned;
    }

    /** The time of the first event, or null before any. */
    Instant start() {
        return first;
    }

    /** Whether the warm-up was cut short because the heap was about to fill. */
    boolean endedEarly() {
        return endedEarlyAt != null && endedEarlyAt.isBefore(first.plus(length));
    }

    private boolean isOver(Instant time) {
        return first != null && !time.isBefore(first.plus(length));
    }
}
