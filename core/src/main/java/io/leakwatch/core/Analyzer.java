package io.leakwatch.core;

import io.leakwatch.core.internal.Engine;

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

    /** Adds a heap inspection. A histogram already seen (same time) is counted once. */
    public void accept(ClassHistogram histogram) {
        engine.accept(histogram);
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
