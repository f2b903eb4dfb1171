package io.leakwatch.core.internal;

import io.leakwatch.core.GcKind;
import io.leakwatch.core.GcPoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The run's collections for the report's GC chart: one thinned series per kind, so that a few full collections
 * are never merged away among thousands of young ones. Each series keeps at most {@value #PER_KIND} points; when
 * full, adjacent pairs merge into the one that paused longer, standing for both. Not thread-safe.
 */
final class GcTimeline {
    /** Enough for a chart 860 pixels wide; five kinds at most make 1,280 points in {@code analysis.json}. */
    static final int PER_KIND = 256;

    private final Map<GcKind, ThinnedSeries<GcPoint>> series = new EnumMap<>(GcKind.class);

    void record(GcCycle cycle) {
        series.computeIfAbsent(cycle.event().kind(), kind -> new ThinnedSeries<>(PER_KIND, GcTimeline::merge,
                GcPoint::time)).add(new GcPoint(cycle.end(), cycle.event().kind(), cycle.event().sumOfPauses(),
                cycle.event().duration(), 1));
    }

    /** Every kind's points, in time order. */
    List<GcPoint> points() {
        List<GcPoint> all = new ArrayList<>();
        series.values().forEach(kind -> all.addAll(kind.points()));
        all.sort(Comparator.comparing(GcPoint::time));
        return all;
    }

    private static GcPoint merge(GcPoint a, GcPoint b) {
        GcPoint kept = b.pause().compareTo(a.pause()) > 0 ? b : a;
        return new GcPoint(kept.time(), kept.kind(), kept.pause(), kept.duration(),
                a.collections() + b.collections());
    }
}
