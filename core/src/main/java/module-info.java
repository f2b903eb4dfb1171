/**
 * Leakwatch's analysis engine: plain records in ({@link io.leakwatch.core.GcEvent}, {@link
 * io.leakwatch.core.HeapSummary}, {@link io.leakwatch.core.ObjectSample}, {@link io.leakwatch.core.ClassHistogram} for
 * the heap; {@link io.leakwatch.core.MetaspaceSummary}, {@link io.leakwatch.core.ClassDefinition}, {@link
 * io.leakwatch.core.ThreadStatistics}, {@link io.leakwatch.core.DirectBufferStatistics}, {@link
 * io.leakwatch.core.NativeMemoryUsage} and a few more for the kinds outside it, {@link io.leakwatch.core.LeakKind}),
 * an {@link io.leakwatch.core.Analysis} out, through {@link io.leakwatch.core.Analyzer}. No JFR types: the
 * {@code io.leakwatch.jfr} module maps JFR events to these records. The engine itself (trackers, statistics, rules)
 * lives in {@code io.leakwatch.core.internal}, which is not exported.
 */
module io.leakwatch.core {
    requires HdrHistogram;

    exports io.leakwatch.core;
    exports io.leakwatch.core.json;
}
