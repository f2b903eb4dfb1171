package io.leakwatch.core;

import io.leakwatch.core.internal.Engine;

/**
 * The leak-analysis engine: feed it events in roughly the order they happened, ask for an {@link Analysis} at any
 * time. The heap's events (collections, heap summaries, old-object samples, heap inspections) decide the live set;
 * the others (metaspace, class definitions and unloading, threads, direct buffers, native memory) decide the kinds
 * outside the heap ({@link LeakKind}). It reads time only from the events, never from the clock, so a recording replayed offline gives the verdict
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
    private final Engine engine;

    public Analyzer(AnalyzerConfig config) {
        this.engine = new Engine(config);
    }

    /** Adds a collection. */
    public void accept(GcEvent event) {
        engine.accept(event);
    }

    /** Adds the heap occupancy before or after a collection. */
    public void accept(HeapSummary summary) {
        engine.accept(summary);
    }

    /** Adds one old-object sample. */
    public void accept(ObjectSample sample) {
        engine.accept(sample);
    }

    /** Adds one allocation sample. */
    public void accept(AllocationSample sample) {
        engine.accept(sample);
    }

    /** Adds a heap inspection. A histogram already seen (same time) is counted once. */
    public void accept(ClassHistogram histogram) {
        engine.accept(histogram);
    }

    /** Adds metaspace occupancy before or after a collection. */
    public void accept(MetaspaceSummary summary) {
        engine.accept(summary);
    }

    /** Adds the counts of classes loaded and unloaded. */
    public void accept(ClassLoadingStatistics counts) {
        engine.accept(counts);
    }

    /** Adds a class unloaded with its loader. */
    public void accept(ClassUnload unload) {
        engine.accept(unload);
    }

    /** Adds a class definition. */
    public void accept(ClassDefinition definition) {
        engine.accept(definition);
    }

    /** Adds the live-thread count. */
    public void accept(ThreadStatistics statistics) {
        engine.accept(statistics);
    }

    /** Adds a thread start. */
    public void accept(ThreadStart start) {
        engine.accept(start);
    }

    /** Adds a thread end. */
    public void accept(ThreadEnd end) {
        engine.accept(end);
    }

    /** Adds the direct buffers' memory at one moment. */
    public void accept(DirectBufferStatistics statistics) {
        engine.accept(statistics);
    }

    /** Adds a traced call that allocated a direct buffer. */
    public void accept(DirectAllocation allocation) {
        engine.accept(allocation);
    }

    /** Adds the native memory of one Native Memory Tracking category at one moment. */
    public void accept(NativeMemoryUsage usage) {
        engine.accept(usage);
    }

    /**
     * Says that no more events will come: collections still waiting for a heap summary are counted without one.
     * Call it at the end of a file; a live stream need not.
     */
    public void finish() {
        engine.finish();
    }

    /** The analysis of everything accepted so far. */
    public Analysis analysis() {
        return engine.analysis();
    }
}
