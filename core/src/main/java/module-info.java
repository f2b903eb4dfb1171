/**
 * Leakwatch's analysis engine: plain records in ({@link io.leakwatch.core.GcEvent}, {@link
 * io.leakwatch.core.HeapSummary}, {@link io.leakwatch.core.ObjectSample}, {@link io.leakwatch.core.ClassHistogram}),
 * an {@link io.leakwatch.core.Analysis} out, through {@link io.leakwatch.core.Analyzer}. No JFR types: the
 * {@code io.leakwatch.jfr} module maps JFR events to these records.
 */
module io.leakwatch.core {
    requires HdrHistogram;

    exports io.leakwatch.core;
    exports io.leakwatch.core.gc;
    exports io.leakwatch.core.liveset;
    exports io.leakwatch.core.sites;
    exports io.leakwatch.core.types;
    exports io.leakwatch.core.leak;
    exports io.leakwatch.core.json;
}
