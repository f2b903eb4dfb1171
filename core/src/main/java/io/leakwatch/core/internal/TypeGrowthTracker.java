package io.leakwatch.core.internal;

import io.leakwatch.core.ClassHistogram;
import io.leakwatch.core.TypeGrowth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares successive class histograms to say which types grow. Only histograms taken after a full collection are
 * compared once there are two of them: one that counted dead objects too would show garbage as growth. Keeps the
 * first histogram after warm-up and the latest {@value #RECENT} others, so memory is bounded. Not thread-safe.
 */
final class TypeGrowthTracker {
    static final int RECENT = 8;
    /** Type names remembered for sharing; a JVM rarely has this many types in its histograms' top lines. */
    private static final int MAX_NAMES = 16_384;

    private final WarmUpClock warmUp;
    private final double significance;
    private final List<Inspection> liveOnly = new ArrayList<>();
    private final List<Inspection> any = new ArrayList<>();
    /**
     * One copy of each type name for all kept histograms: each inspection's hundreds of names arrive as new strings,
     * and nine histograms of them were half the monitor's retained state.
     */
    private final Map<String, String> names = new HashMap<>();

    /**
     * @param warmUp       histograms within the warm-up are not used as the baseline when later ones exist
     * @param significance the largest p-value accepted as steady growth
     */
    TypeGrowthTracker(WarmUpClock warmUp, double significance) {
        this.warmUp = warmUp;
        this.significance = significance;
    }

    /** Adds a histogram; histograms may arrive in any order. */
    void record(ClassHistogram histogram) {
        warmUp.noteTime(histogram.time());
        if (names.size() > MAX_NAMES) {
            names.clear(); // names of types long gone; the kept histograms keep their own copies meanwhile
        }
        Inspection inspection = Inspection.of(histogram, names);
        keep(any, inspection);
        if (histogram.afterFullGc()) {
            keep(liveOnly, inspection);
        }
    }

    /** Number of histograms kept. */
    int histogramCount() {
        return any.size();
    }

    /** Types whose bytes grew from the baseline to the latest histogram, fastest first. */
    List<TypeGrowth> growth() {
        List<Inspection> series = liveOnly.size() >= 2 ? liveOnly : any;
        if (series.size() < 2) {
            return List.of();
        }
        Instant warmUpEnd = warmUp.end();
        int start = 0;
        while (start < series.size() - 2 && series.get(start).time().isBefore(warmUpEnd)) {
            start++;
        }
        List<Inspection> used = series.subList(start, series.size());
        Inspection first = used.get(0);
        Inspection latest = used.get(used.size() - 1);
        double minutes = Duration.between(first.time(), latest.time()).toNanos() / 60e9;
        if (minutes <= 0) {
            return List.of();
        }
        List<TypeGrowth> result = new ArrayList<>();
        for (Map.Entry<String, ClassHistogram.Entry> entry : latest.byType().entrySet()) {
            ClassHistogram.Entry now = entry.getValue();
            ClassHistogram.Entry then = first.byType().get(entry.getKey());
            long bytesThen = then == null ? 0 : then.bytes();
            long instancesThen = then == null ? 0 : then.instances();
            if (now.bytes() <= bytesThen) {
                continue;
            }
            int growing = 0;
            double[] bytesSeries = new double[used.size()];
            for (int i = 0; i < used.size(); i++) {
                bytesSeries[i] = used.get(i).bytes(entry.getKey());
                if (i > 0 && bytesSeries[i] > bytesSeries[i - 1]) {
                    growing++;
                }
            }
            int steps = used.size() - 1;
            double pValue = TrendStatistics.mannKendallIncreasingPValue(bytesSeries);
            boolean steady = steps >= TypeGrowth.MIN_STEPS && growing >= Math.ceil(0.75 * steps)
                    && pValue < significance;
            result.add(new TypeGrowth(entry.getKey(), instancesThen, now.instances(), bytesThen, now.bytes(),
                    (now.bytes() - bytesThen) / minutes, (now.instances() - instancesThen) / minutes, growing,
                    steps, pValue, steady));
        }
        result.sort(Comparator.comparingDouble(TypeGrowth::bytesPerMinute).reversed()
                .thenComparing(TypeGrowth::typeName));
        return result;
    }

    private static void keep(List<Inspection> list, Inspection inspection) {
        int index = list.size();
        while (index > 0 && list.get(index - 1).time().isAfter(inspection.time())) {
            index--;
        }
        if (index > 0 && list.get(index - 1).time().equals(inspection.time())) {
            return; // the same histogram read twice
        }
        list.add(index, inspection);
        if (list.size() > RECENT + 1) {
            list.remove(1); // keep the baseline and the most recent ones
        }
    }

    private record Inspection(Instant time, Map<String, ClassHistogram.Entry> byType) {
        static Inspection of(ClassHistogram histogram, Map<String, String> names) {
            Map<String, ClassHistogram.Entry> byType = new HashMap<>();
            for (ClassHistogram.Entry entry : histogram.entries()) {
                String name = names.computeIfAbsent(entry.typeName(), n -> n);
                byType.merge(name, new ClassHistogram.Entry(name, entry.instances(), entry.bytes()),
                        (a, b) -> new ClassHistogram.Entry(name, a.instances() + b.instances(), a.bytes() + b.bytes()));
            }
            return new Inspection(histogram.time(), byType);
        }

        long bytes(String type) {
            ClassHistogram.Entry entry = byType.get(type);
            return entry == null ? 0 : entry.bytes();
        }
    }
}
