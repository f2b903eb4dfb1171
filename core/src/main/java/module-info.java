/**
 * Leakwatch's analysis engine: plain records in ({@link io.leakwatch.core.GcEvent}, {@link
 * io.leakwatch.core.HeapSummary}, {@link io.leakwatch.core.ObjectSample}, {@link io.leakwatch.core.ClassHistogram}),
 * an {@link io.leakwatch.core.Analysis} out, through {@link io.leakwatch.core.Analyzer}. No JFR types: the
 * {@code io.leakwatch.jfr} module maps JFR events to these records. The engine itself (trackers, statistics, rules)
 * lives in {@code io.leakwatch.core.internal}, which is not exported.
 */
module io.leakwatch.core {
    requires HdrHistogram;

    exports io.leakwatch.core;
    exports io.leakwatch.core.json;
}
