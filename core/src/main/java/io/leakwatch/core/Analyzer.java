package io.leakwatch.core;

import io.leakwatch.core.internal.GcCycle;
import io.leakwatch.core.internal.GcStatisticsTracker;
import io.leakwatch.core.internal.Judgement;
import io.leakwatch.core.internal.LeakJudge;
import io.leakwatch.core.internal.LiveSetTracker;
import io.leakwatch.core.internal.SiteTracker;
import io.leakwatch.core.internal.TypeGrowthTracker;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The leak-analysis engine: feed it events in roughly the order they happened, ask for an {@link Analysis} at any
 * time. It reads time only from the events, never from the clock, so a recording replayed offline gives the verdict
 * the live monitor gave.
 *
 * <p>A collection's {@link GcEvent} and its {@link HeapSummary} records may arrive in either order; they are joined
 * on the GC id. Repeated events (the same collection read from two overlapping files) are counted once.
 *
 * <pre>{@code
 * Analyzer analyzer = new Analyzer(AnalyzerConfig.defaults());
 * for (GcEvent gc : collections) analyzer.accept(gc);
 * for (HeapSummary heap : summaries) analyzer.accept(heap);
 * analyzer.finish();
 * Analysis analysis = analyzer.analysis();
 * }</pre>
 *
 * <p>Not thread-safe: feed it and query it from one thread (an {@link Analysis} itself is immutable and can be
 * handed to others).
 */
public final class Analyzer {
    /** A collection still waiting for its other half is given up once this many newer ones have completed. */
    private static final int PENDING_LIMIT = 64;
    /** How many completed GC ids are remembered to recognise repeats. */
    private static final int COMPLETED_MEMORY = 4096;

    private final AnalyzerConfig config;
    private final GcStatisticsTracker gcStatistics;
    private final LiveSetTracker liveSet;
    private final TypeGrowthTracker types;
    private final SiteTracker sites;
    private final LeakJudge judge;
    private final Map<Long, PendingCycle> pending = new LinkedHashMap<>();
    private final Set<Long> completed = new LinkedHashSet<>();
    private final Set<Instant> histogramTimes = new LinkedHashSet<>();
    private long collections;
    private long objectSamples;
    private long duplicates;
    private long heapMaxBytes;
    private Instant from;
    private Instant to;

    public Analyzer(AnalyzerConfig config) {
        this.config = config;
        this.gcStatistics = new GcStatisticsTracker(config.gcWindows());
        this.liveSet = new LiveSetTracker(config.warmUp(), config.minLiveSetPoints(), config.minObservation());
        this.types = new TypeGrowthTracker(config.warmUp(), config.significance());
        this.sites = new SiteTracker(config.warmUp());
        this.judge = new LeakJudge(config);
    }

    /** Adds a collection. */
    public void accept(GcEvent event) {
        noteTime(event.start());
        noteTime(event.end());
        if (completed.contains(event.gcId())) {
            duplicates++;
            return;
        }
        PendingCycle cycle = pending.computeIfAbsent(event.gcId(), id -> new PendingCycle());
        if (cycle.event != null) {
            duplicates++;
            return;
        }
        cycle.event = event;
        completeIfReady(event.gcId(), cycle);
    }

    /** Adds the heap occupancy before or after a collection. */
    public void accept(HeapSummary summary) {
        noteTime(summary.time());
        if (summary.heapMaxBytes() > 0) {
            heapMaxBytes = summary.heapMaxBytes();
        }
        if (completed.contains(summary.gcId())) {
            if (summary.when() == HeapSummary.When.AFTER_GC) {
                duplicates++;
            }
            return;
        }
        PendingCycle cycle = pending.computeIfAbsent(summary.gcId(), id -> new PendingCycle());
        if (summary.when() == HeapSummary.When.BEFORE_GC) {
            cycle.before = summary;
        } else {
            cycle.after = summary;
        }
        completeIfReady(summary.gcId(), cycle);
    }

    /** Adds one old-object sample. */
    public void accept(ObjectSample sample) {
        noteTime(sample.observedAt());
        objectSamples++;
        sites.record(sample);
    }

    /** Adds a heap inspection. A histogram already seen (same time) is counted once. */
    public void accept(ClassHistogram histogram) {
        noteTime(histogram.time());
        if (!histogramTimes.add(histogram.time())) {
            duplicates++;
            return;
        }
        if (histogramTimes.size() > COMPLETED_MEMORY) {
            Iterator<Instant> oldest = histogramTimes.iterator();
            oldest.next();
            oldest.remove();
        }
        types.record(histogram);
        liveSet.record(histogram);
    }

    /**
     * Says that no more events will come: collections still waiting for a heap summary are counted without one.
     * Call it at the end of a file; a live stream need not.
     */
    public void finish() {
        for (Map.Entry<Long, PendingCycle> entry : pending.entrySet()) {
            if (entry.getValue().event != null) {
                complete(entry.getKey(), entry.getValue());
            }
        }
        pending.clear();
    }

    /** The analysis of everything accepted so far. */
    public Analysis analysis() {
        LiveSetReport report = liveSet.report();
        Duration observed = from == null ? null : Duration.between(from, to);
        // The monitor's own bounded state (kept histograms, JFR's parser objects) grows until its bounds, and its
        // own allocations get sampled; they are not the application's, so they are neither candidates nor listed.
        List<TypeGrowth> growth = types.growth().stream()
                .filter(type -> !LeakJudge.isMonitorInternal(type.typeName())).toList();
        List<SiteSummary> siteSummaries = sites.summaries().stream().filter(site -> site.allocationSite().stream()
                .noneMatch(frame -> LeakJudge.isMonitorInternal(frame.typeName()))).toList();
        Judgement judgement = judge.judge(report, growth, siteSummaries, collections > 0, observed);
        EventCounts counts = new EventCounts(collections, objectSamples, sites.snapshotCount(),
                types.histogramCount(), duplicates);
        // The trend shown is the one the verdict rests on.
        LiveSetReport shown = judgement.recentGrowth() == null ? report : report.withTrend(judgement.recentGrowth());
        return new Analysis(judgement.verdict(), judgement.reason(), judgement.nextStep(),
                judgement.growthSuspected(), from, to, counts, gcStatistics.statistics(), shown, growth,
                siteSummaries, judgement.candidates());
    }

    private void completeIfReady(long gcId, PendingCycle cycle) {
        if (cycle.event != null && cycle.after != null) {
            pending.remove(gcId);
            complete(gcId, cycle);
        }
        if (pending.size() > PENDING_LIMIT) {
            Iterator<Map.Entry<Long, PendingCycle>> oldest = pending.entrySet().iterator();
            Map.Entry<Long, PendingCycle> entry = oldest.next();
            oldest.remove();
            if (entry.getValue().event != null) {
                complete(entry.getKey(), entry.getValue());
            }
        }
    }

    private void complete(long gcId, PendingCycle cycle) {
        completed.add(gcId);
        if (completed.size() > COMPLETED_MEMORY) {
            Iterator<Long> oldest = completed.iterator();
            oldest.next();
            oldest.remove();
        }
        long before = cycle.before == null ? -1 : cycle.before.heapUsedBytes();
        long after = cycle.after == null ? -1 : cycle.after.heapUsedBytes();
        long committed = cycle.after == null ? 0 : cycle.after.heapCommittedBytes();
        GcCycle joined = new GcCycle(cycle.event, before, after, committed, heapMaxBytes);
        collections++;
        gcStatistics.record(joined);
        sites.noteRunStart(cycle.event.start());
        sites.noteCollection(cycle.event.end());
        types.noteRunStart(cycle.event.start());
        liveSet.record(joined);
    }

    private void noteTime(Instant time) {
        if (from == null || time.isBefore(from)) {
            from = time;
        }
        if (to == null || time.isAfter(to)) {
            to = time;
        }
    }

    /** The halves of one collection seen so far. */
    private static final class PendingCycle {
        GcEvent event;
        HeapSummary before;
        HeapSummary after;
    }
}
