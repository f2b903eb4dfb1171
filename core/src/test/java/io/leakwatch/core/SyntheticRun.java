package io.leakwatch.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds event sequences shaped like real runs, in event-time order, for feeding an {@link Analyzer}. Times are
 * seconds from the start of the run.
 */
final class SyntheticRun {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final long MB = 1_000_000;
    static final long MAX_HEAP = 256 * MB;

    private final List<Consumer<Analyzer>> events = new ArrayList<>();
    /** The time in seconds of each event, for asking what the verdicts were after some moment. */
    private final List<Double> eventSeconds = new ArrayList<>();
    private long nextGcId = 1;
    private long maxHeapBytes = MAX_HEAP;
    private long metaspaceBytes = -1;
    private long maxMetaspaceBytes;

    static Instant at(double seconds) {
        return START.plusNanos((long) (seconds * 1e9));
    }

    /** The heap's maximum for the collections added from now on; {@link #MAX_HEAP} by default. */
    SyntheticRun maxHeap(long bytes) {
        this.maxHeapBytes = bytes;
        return this;
    }

    SyntheticRun gc(double atSeconds, GcKind kind, String name, long beforeBytes, long afterBytes) {
        return gc(atSeconds, kind, name, "test", beforeBytes, afterBytes);
    }

    /** A collection with the cause JFR gives it ({@code System.gc()}, {@code Proactive}). */
    SyntheticRun gc(double atSeconds, GcKind kind, String name, String cause, long beforeBytes, long afterBytes) {
        long id = nextGcId++;
        Instant start = at(atSeconds);
        Duration pause = Duration.ofMillis(kind == GcKind.FULL ? 80 : 5);
        Instant end = start.plus(pause);
        GcEvent event = new GcEvent(id, name, kind, cause, start, pause, pause);
        HeapSummary before = new HeapSummary(id, HeapSummary.When.BEFORE_GC, start, beforeBytes, maxHeapBytes,
                maxHeapBytes);
        HeapSummary after = new HeapSummary(id, HeapSummary.When.AFTER_GC, end, afterBytes, maxHeapBytes,
                maxHeapBytes);
        add(atSeconds, a -> a.accept(before));
        add(atSeconds, a -> a.accept(after));
        if (metaspaceBytes >= 0) {
            MetaspaceSummary metaspace = new MetaspaceSummary(id, HeapSummary.When.AFTER_GC, end, metaspaceBytes,
                    metaspaceBytes, maxMetaspaceBytes);
            add(atSeconds, a -> a.accept(metaspace));
        }
        add(atSeconds, a -> a.accept(event));
        return this;
    }

    /** Metaspace in use after the collections added from now on, and its maximum (0: unlimited). */
    SyntheticRun metaspace(long bytes, long maxBytes) {
        this.metaspaceBytes = bytes;
        this.maxMetaspaceBytes = maxBytes;
        return this;
    }

    SyntheticRun concurrentCycle(double atSeconds) {
        return gc(atSeconds, GcKind.CONCURRENT_CYCLE, "G1Old", 0, 0);
    }

    SyntheticRun threads(double atSeconds, long live) {
        ThreadStatistics statistics = new ThreadStatistics(at(atSeconds), live, live);
        add(atSeconds, a -> a.accept(statistics));
        return this;
    }

    SyntheticRun threadStart(double atSeconds, long id, String name, List<StackFrame> stack) {
        ThreadStart start = new ThreadStart(at(atSeconds), id, name, stack);
        add(atSeconds, a -> a.accept(start));
        return this;
    }

    SyntheticRun threadEnd(double atSeconds, long id) {
        ThreadEnd end = new ThreadEnd(at(atSeconds), id);
        add(atSeconds, a -> a.accept(end));
        return this;
    }

    SyntheticRun unload(double atSeconds, String className, long loaderId) {
        ClassUnload unload = new ClassUnload(at(atSeconds), className, loaderId);
        add(atSeconds, a -> a.accept(unload));
        return this;
    }

    SyntheticRun define(double atSeconds, String className, long loaderId, String loaderType,
                        List<StackFrame> stack) {
        ClassDefinition definition = new ClassDefinition(at(atSeconds), className, loaderId, loaderType, stack);
        add(atSeconds, a -> a.accept(definition));
        return this;
    }

    SyntheticRun direct(double atSeconds, long buffers, long bytes, long maxBytes) {
        DirectBufferStatistics statistics = new DirectBufferStatistics(at(atSeconds), buffers, bytes, maxBytes);
        add(atSeconds, a -> a.accept(statistics));
        return this;
    }

    SyntheticRun directAllocation(double atSeconds, List<StackFrame> stack) {
        DirectAllocation allocation = new DirectAllocation(at(atSeconds), stack);
        add(atSeconds, a -> a.accept(allocation));
        return this;
    }

    SyntheticRun nativeMemory(double atSeconds, String category, long committedBytes) {
        NativeMemoryUsage usage = new NativeMemoryUsage(at(atSeconds), category, committedBytes);
        add(atSeconds, a -> a.accept(usage));
        return this;
    }

    SyntheticRun young(double atSeconds, long beforeBytes, long afterBytes) {
        return gc(atSeconds, GcKind.YOUNG, "G1New", beforeBytes, afterBytes);
    }

    SyntheticRun full(double atSeconds, long beforeBytes, long afterBytes) {
        return gc(atSeconds, GcKind.FULL, "G1Full", beforeBytes, afterBytes);
    }

    SyntheticRun histogram(double atSeconds, List<ClassHistogram.Entry> entries) {
        ClassHistogram histogram = new ClassHistogram(at(atSeconds), true, entries);
        add(atSeconds, a -> a.accept(histogram));
        return this;
    }

    SyntheticRun samples(List<ObjectSample> samples) {
        for (ObjectSample sample : samples) {
            add(Duration.between(START, sample.observedAt()).toNanos() / 1e9, a -> a.accept(sample));
        }
        return this;
    }

    private void add(double atSeconds, Consumer<Analyzer> event) {
        events.add(event);
        eventSeconds.add(atSeconds);
    }

    /** The events as recorded, each a call on an analyzer. */
    List<Consumer<Analyzer>> events() {
        return List.copyOf(events);
    }

    Analysis analyze(AnalyzerConfig config) {
        Analyzer analyzer = new Analyzer(config);
        events.forEach(event -> event.accept(analyzer));
        analyzer.finish();
        return analyzer.analysis();
    }

    /** Feeds the events one by one and collects the verdict after each, to check a verdict never appears. */
    List<Verdict> verdictsAlongTheWay(AnalyzerConfig config, int every) {
        Analyzer analyzer = new Analyzer(config);
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            events.get(i).accept(analyzer);
            if (i % every == 0) {
                verdicts.add(analyzer.analysis().verdict());
            }
        }
        analyzer.finish();
        verdicts.add(analyzer.analysis().verdict());
        return verdicts;
    }

    /**
     * Feeds the events one by one and collects the verdict every {@code everySeconds} of event time after
     * {@code fromSeconds}, as the live monitor analyses about once a second.
     */
    List<Verdict> verdictsAfter(AnalyzerConfig config, double fromSeconds, double everySeconds) {
        Analyzer analyzer = new Analyzer(config);
        List<Verdict> verdicts = new ArrayList<>();
        double next = fromSeconds;
        for (int i = 0; i < events.size(); i++) {
            events.get(i).accept(analyzer);
            if (eventSeconds.get(i) > next) {
                verdicts.add(analyzer.analysis().verdict());
                next = eventSeconds.get(i) + everySeconds;
            }
        }
        return verdicts;
    }

    /** The analysis of the events up to {@code untilSeconds}. */
    Analysis analyzeUntil(AnalyzerConfig config, double untilSeconds) {
        Analyzer analyzer = new Analyzer(config);
        for (int i = 0; i < events.size() && eventSeconds.get(i) <= untilSeconds; i++) {
            events.get(i).accept(analyzer);
        }
        return analyzer.analysis();
    }

    static ObjectSample sample(String type, double allocatedAt, double observedAt, List<StackFrame> stack,
                               List<ReferenceStep> chain) {
        return new ObjectSample(type, (long) (allocatedAt * 1000), at(allocatedAt), at(observedAt), 816, 100,
                0, stack, chain, "Threads / Stack Variable");
    }

    static StackFrame frame(String type, String method, int line) {
        return new StackFrame(type, method, line);
    }

    static ReferenceStep field(String holderType, String field) {
        return new ReferenceStep(holderType, field, false, null, -1, -1, 0);
    }

    static ReferenceStep array(String arrayType, int index, int size) {
        return new ReferenceStep(arrayType, null, false, null, index, size, 0);
    }

    static ReferenceStep staticField(String owner, String field) {
        return new ReferenceStep("java.lang.Class", field, true, owner, -1, -1, 0);
    }

    static ClassHistogram.Entry entry(String type, long instances, long bytes) {
        return new ClassHistogram.Entry(type, instances, bytes);
    }
}
