package io.leakwatch.core.internal;

import io.leakwatch.core.GcKind;
import io.leakwatch.core.GcPoint;
import io.leakwatch.core.GcWindowStatistics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps GC statistics over sliding windows and over the whole run, and the run's timeline of collections. Memory
 * is fixed by the number of windows and the timeline's bound, not by the length of the run. Not thread-safe: feed it
 * from one thread.
 */
final class GcStatisticsTracker {
    private final List<SlidingWindow> windows = new ArrayList<>();
    private final WindowAccumulator wholeRun = new WindowAccumulator();
    private final GcTimeline timeline = new GcTimeline();
    private Instant first;
    private Instant latest;
    private GcCycle previous;

    /**
     * @param windowLengths the sliding windows to keep, for example 1 and 10 minutes
     */
    GcStatisticsTracker(List<Duration> windowLengths) {
        for (Duration length : windowLengths) {
            windows.add(new SlidingWindow(nameOf(length), length));
        }
    }

    /** Adds a collection; cycles must arrive in the order they ended. */
    void record(GcCycle cycle) {
        Instant end = cycle.end();
        long allocated = 0;
        long promoted = 0;
        if (previous != null) {
            if (cycle.usedBeforeBytes() >= 0) {
                allocated = Math.max(0, cycle.usedBeforeBytes() - previous.usedAfterBytes());
            }
            if (cycle.event().kind() == GcKind.YOUNG && previous.event().kind() == GcKind.YOUNG) {
                promoted = Math.max(0, cycle.usedAfterBytes() - previous.usedAfterBytes());
            }
        }
        for (SlidingWindow window : windows) {
            window.record(end, cycle, allocated, promoted);
        }
        wholeRun.record(cycle, allocated, promoted);
        timeline.record(cycle);
        // The span starts when the first collection started, so a single collection still covers a real interval.
        if (first == null) {
            first = cycle.event().start();
        }
        latest = latest == null || end.isAfter(latest) ? end : latest;
        previous = cycle;
    }

    /** Statistics of every window and of the whole run ({@code run}), or an empty list before any collection. */
    List<GcWindowStatistics> statistics() {
        List<GcWindowStatistics> result = new ArrayList<>();
        if (latest == null) {
            return result;
        }
        for (SlidingWindow window : windows) {
            Instant from = latest.minus(window.length());
            result.add(summarize(window.name(), from.isBefore(first) ? first : from, window.sum(latest)));
        }
        result.add(summarize("run", first, wholeRun));
        return result;
    }

    /** The run's collections by kind, thinned, in time order. */
    List<GcPoint> timeline() {
        return timeline.points();
    }

    private GcWindowStatistics summarize(String name, Instant from, WindowAccumulator sum) {
        // Not toNanos(): between a damaged recording's times it overflows, and the statistics must still come out.
        Duration span = Duration.between(from, latest);
        double seconds = span.getSeconds() + span.getNano() / 1e9;
        double share = seconds > 0 ? Math.min(1.0, sum.pauseNanos() / 1e9 / seconds) : 0;
        double allocation = seconds > 0 ? sum.allocatedBytes() / seconds : 0;
        double promotion = seconds > 0 ? sum.promotedBytes() / seconds : 0;
        return new GcWindowStatistics(name, from, latest, sum.kinds(seconds / 60), share, allocation, promotion);
    }

    private static String nameOf(Duration length) {
        if (length.toSeconds() % 60 == 0 && length.toMinutes() > 0) {
            return length.toMinutes() + "m";
        }
        return length.toSeconds() + "s";
    }
}
