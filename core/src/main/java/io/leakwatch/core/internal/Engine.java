package io.leakwatch.core.internal;

import io.leakwatch.core.Analysis;
import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.core.AllocationSample;
import io.leakwatch.core.ClassHistogram;
import io.leakwatch.core.Coverage;
import io.leakwatch.core.EventCounts;
import io.leakwatch.core.GcEvent;
import io.leakwatch.core.HeapSummary;
import io.leakwatch.core.JdkTypes;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.LiveSetPoint;
import io.leakwatch.core.LiveSetReport;
import io.leakwatch.core.ObjectSample;
import io.leakwatch.core.SiteSummary;
import io.leakwatch.core.Trend;
import io.leakwatch.core.TypeGrowth;
import io.leakwatch.core.Verdict;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine behind {@link io.leakwatch.core.Analyzer}: joins collections with their heap summaries, feeds the
 * trackers, and turns their state into an {@link Analysis} through the {@link Judge}. Public only for the
 * {@code Analyzer} in the exported package; not part of the API. Not thread-safe.
 */
public final class Engine {
    /** A collection still waiting for its other half is given up once this many newer ones have completed. */
    private static final int PENDING_LIMIT = 64;
    /** How many completed GC ids are remembered to recognise repeats. */
    private static final int COMPLETED_MEMORY = 4096;

    private final AnalyzerConfig config;
    private final WarmUpClock warmUp;
    private final GcStatisticsTracker gcStatistics;
    private final LiveSetTracker liveSet;
    private final TypeGrowthTracker types;
    private final SiteTracker sites;
    private final AllocationSiteTracker allocations;
    /** Whether a collection of generational ZGC was seen, whose old-object samples are off (JDK-8382740). */
    private boolean generationalZgc;
    private final Judge judge;
    private final GrowthLatch growth;
    private final Map<Long, PendingCycle> pending = new LinkedHashMap<>();
    private final Set<Long> completed = new LinkedHashSet<>();
    private final Set<Instant> histogramTimes = new LinkedHashSet<>();
    private long collections;
    private long objectSamples;
    private long duplicates;
    private long heapMaxBytes;
    private Instant from;
    private Instant to;

    public Engine(AnalyzerConfig config) {
        this.config = config;
        this.warmUp = new WarmUpClock(config.warmUp());
        this.gcStatistics = new GcStatisticsTracker(config.gcWindows());
        this.liveSet = new LiveSetTracker(warmUp);
        this.types = new TypeGrowthTracker(warmUp, config.significance());
        this.sites = new SiteTracker(warmUp, config.applicationCode());
        this.allocations = new AllocationSiteTracker(config.applicationCode());
        this.judge = new Judge(config);
        this.growth = new GrowthLatch(config);
    }

    public void accept(GcEvent event) {
        noteTime(event.start());
        // JFR names generational ZGC's collections "ZGC Minor" and "ZGC Major"; the single-generation one "Z".
        generationalZgc |= event.collectorName().startsWith("ZGC ");
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

    public void accept(ObjectSample sample) {
        noteTime(sample.observedAt());
        objectSamples++;
        sites.record(sample);
    }

    public void accept(AllocationSample sample) {
        noteTime(sample.time());
        allocations.record(sample);
    }

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
        growth.observe(liveSet);
    }

    public void finish() {
        for (Map.Entry<Long, PendingCycle> entry : pending.entrySet()) {
            if (entry.getValue().event != null) {
                complete(entry.getKey(), entry.getValue());
            }
        }
        pending.clear();
    }

    public Analysis analysis() {
        LiveSetSeries series = liveSet.series();
        Duration observed = from == null ? null : Duration.between(from, to);
        // The monitor's own bounded state (kept histograms, JFR's parser objects) grows until its bounds, and its
        // own allocations get sampled; they are not the application's, so they are neither candidates nor listed.
        List<TypeGrowth> typeGrowth = types.growth().stream()
                .filter(type -> !JdkTypes.isMonitorInternal(type.typeName())).toList();
        List<SiteSummary> siteSummaries = sites.summaries().stream().filter(site -> site.allocationSite().stream()
                .noneMatch(frame -> JdkTypes.isMonitorInternal(frame.typeName()))).toList();
        Judgement judgement = judge.judge(series, typeGrowth, siteSummaries, allocations::topSite, growth.held(),
                collections > 0, observed);
        EventCounts counts = new EventCounts(collections, objectSamples, sites.snapshotCount(),
                types.histogramCount(), duplicates, allocations.sampleCount());
        DecisionBasis basis = judgement.basis();
        Trend trend = trend(judgement.trend(), basis);
        Trend envelope = trend(basis.envelope(), basis);
        LiveSetReport report = new LiveSetReport(series.all(), series.afterGc(), trend,
                trend == null ? Set.<LiveSetPoint.Source>of() : series.sources(), envelope, series.maxHeapBytes());
        LeakCandidate top = judgement.candidates().isEmpty() ? null : judgement.candidates().get(0);
        String reason = Prose.reason(judgement.findings(), top, report.trendSources(), config.warmUp(),
                config.minObservation(), config.exhaustionHorizon());
        String nextStep = Prose.nextStep(judgement.findings(), top, config.warmUp());
        return new Analysis(judgement.verdict(), reason, nextStep, judgement.findings(), judgement.growthSuspected(),
                projectedExhaustion(judgement, trend, envelope), from, to, counts, gcStatistics.statistics(), report,
                typeGrowth, siteSummaries, judgement.candidates(), coverage(series, counts, siteSummaries),
                gcStatistics.timeline());
    }

    private Coverage coverage(LiveSetSeries series, EventCounts counts, List<SiteSummary> siteSummaries) {
        Set<Coverage.Source> sources = EnumSet.noneOf(Coverage.Source.class);
        if (!series.all().isEmpty()) {
            sources.add(Coverage.Source.LIVE_SET_MEASUREMENTS);
        }
        if (counts.histograms() > 0) {
            sources.add(Coverage.Source.HEAP_INSPECTIONS);
        }
        if (counts.objectSamples() > 0) {
            sources.add(Coverage.Source.OLD_OBJECT_SAMPLES);
        }
        if (siteSummaries.stream().anyMatch(site -> !site.referenceChain().isEmpty())) {
            sources.add(Coverage.Source.REFERENCE_CHAINS);
        }
        if (counts.allocationSamples() > 0) {
            sources.add(Coverage.Source.ALLOCATION_SAMPLES);
        }
        return new Coverage(sources, collections == 0 ? List.of()
                : Prose.gaps(sources, generationalZgc, !siteSummaries.isEmpty()));
    }

    /**
     * The soonest exhaustion the evidence projects: the live-set trend's when it rises (a leak, or a suspicion),
     * else the heap after collections' when it rises with evidence, else none.
     */
    private static Duration projectedExhaustion(Judgement judgement, Trend trend, Trend envelope) {
        if (judgement.verdict() == Verdict.NO_LEAK) {
            return null;
        }
        Duration live = trend != null && trend.slopeBytesPerSecond() > 0
                && trend.logBayesFactor() >= Thresholds.SUSPICION_LOG_BAYES_FACTOR ? trend.timeToExhaustion() : null;
        Duration bound = envelope != null && envelope.slopeBytesPerSecond() > 0
                && envelope.logBayesFactor() >= Thresholds.SUSPICION_LOG_BAYES_FACTOR
                ? envelope.timeToExhaustion() : null;
        if (live == null) {
            return bound;
        }
        return bound == null || live.compareTo(bound) <= 0 ? live : bound;
    }

    private static Trend trend(SlopeFit fit, DecisionBasis basis) {
        if (fit == null) {
            return null;
        }
        return new Trend(fit.points(), fit.from(), fit.to(), fit.slopeBytesPerSecond(), fit.fittedLatestBytes(),
                fit.noiseBytes(), fit.logBayesFactor(Thresholds.PRIOR_SCALES_PER_SECOND),
                fit.slopeUpperBound(basis.confidence()), fit.timeTo(basis.series().maxHeapBytes()));
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
        warmUp.noteTime(cycle.event.start());
        sites.noteCollection(cycle.event.end());
        liveSet.record(joined);
        growth.observe(liveSet);
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
