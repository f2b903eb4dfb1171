package io.leakwatch.core.internal;

import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.core.Evidence;
import io.leakwatch.core.LeakKind;
import io.leakwatch.core.NativeMemoryUsage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Native memory by Native Memory Tracking category ({@code jdk.NativeMemoryUsage}, JDK 20 and later with
 * {@code -XX:NativeMemoryTracking=summary}): one series per category, committed bytes, every sample a measurement.
 * Categories another kind decides are left out ({@link Thresholds#NATIVE_CATEGORIES_DECIDED_ELSEWHERE}); the
 * {@code Other} category, which holds direct buffers, is taken without them (less the direct memory sampled last),
 * so that a direct-buffer leak is named once, as direct memory. Not thread-safe.
 */
final class NativeMemoryTracker {
    /** Categories seen at most: the JVM has about 30. */
    private static final int CATEGORY_LIMIT = 64;
    static final String OTHER = "Other";

    private final WarmUpClock warmUp;
    private final Map<String, SeriesRecorder> categories = new TreeMap<>();

    NativeMemoryTracker(WarmUpClock warmUp) {
        this.warmUp = warmUp;
    }

    /** @param directBytes direct memory in use at about that time, or -1 when unknown */
    void record(NativeMemoryUsage usage, long directBytes) {
        warmUp.noteTime(usage.time());
        if (Thresholds.NATIVE_CATEGORIES_DECIDED_ELSEWHERE.contains(usage.category())) {
            return;
        }
        SeriesRecorder recorder = categories.get(usage.category());
        if (recorder == null) {
            if (categories.size() >= CATEGORY_LIMIT) {
                return;
            }
            recorder = new SeriesRecorder(true);
            categories.put(usage.category(), recorder);
        }
        long committed = usage.committedBytes();
        if (usage.category().equals(OTHER) && directBytes > 0) {
            committed = Math.max(0, committed - directBytes);
        }
        recorder.sample(usage.time(), committed);
    }

    boolean recorded() {
        return !categories.isEmpty();
    }

    /** One series per category, in name order; none when nothing was recorded. */
    List<KindSeries> series(AnalyzerConfig config) {
        List<KindSeries> result = new ArrayList<>();
        categories.forEach((name, recorder) -> result.add(recorder.series(LeakKind.NATIVE_MEMORY, name,
                name.equals(OTHER) ? "direct buffers left out (they are direct memory)" : "", warmUp.end(), 0,
                config.materialGrowthBytes(0))));
        return result;
    }

    /** The category names itself: it is all Native Memory Tracking says. */
    static KindNaming naming(KindSeries series) {
        return new KindNaming(series.series(), true, List.of(), List.of(), null, Double.NaN, "",
                List.of(new Evidence(Evidence.Signal.KIND_GROWTH, String.format(Locale.ROOT,
                        "Native Memory Tracking category %s", series.series()))));
    }

    /** What native memory needs, for a recording without it. */
    static final String NOT_RECORDED = "no jdk.NativeMemoryUsage events: native memory needs JDK 20 or later with"
            + " -XX:NativeMemoryTracking=summary";
}
