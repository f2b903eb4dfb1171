package io.leakwatch.metrics;

import io.leakwatch.core.Analysis;
import io.leakwatch.core.Analyzer;
import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.core.ClassHistogram;
import io.leakwatch.core.GcEvent;
import io.leakwatch.core.GcKind;
import io.leakwatch.core.HeapSummary;
import io.leakwatch.core.ObjectSample;
import io.leakwatch.core.ReferenceStep;
import io.leakwatch.core.StackFrame;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Analyses to read metrics from: nothing yet, and ten minutes of a customer registry that leaks 4 MB per 20 s. */
final class Analyses {
    static final long MB = 1_000_000;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private Analyses() {
    }

    static Analysis nothing() {
        return new Analyzer(AnalyzerConfig.defaults()).analysis();
    }

    /** 30 full collections (a live set rising 4 MB each), 60 young ones between them, inspections and samples. */
    static Analysis leak() {
        Analyzer analyzer = new Analyzer(AnalyzerConfig.defaults());
        List<StackFrame> stack = List.of(new StackFrame("com.example.Customer", "<init>", 12),
                new StackFrame("com.example.Registry", "add", 30));
        List<ReferenceStep> chain = List.of(new ReferenceStep("com.example.Customer", "data", false, null, -1, -1, 0),
                new ReferenceStep("java.util.HashMap$Node", "value", false, null, -1, -1, 0),
                new ReferenceStep("java.util.HashMap$Node[]", null, false, null, 7, 8192, 0),
                new ReferenceStep("java.util.HashMap", "table", false, null, -1, -1, 0),
                new ReferenceStep("java.lang.Class", "ALL", true, "com.example.Registry", -1, -1, 0));
        long id = 0;
        for (int i = 1; i <= 30; i++) {
            Instant start = T0.plusSeconds(20L * i);
            long live = 20 * MB + i * 4 * MB;
            for (int young = 1; young <= 2; young++) {
                Instant at = start.minusSeconds(7L * young);
                id++;
                analyzer.accept(new GcEvent(id, "G1New", GcKind.YOUNG, "test", at, Duration.ofMillis(3),
                        Duration.ofMillis(3)));
                analyzer.accept(new HeapSummary(id, HeapSummary.When.AFTER_GC, at.plusMillis(3), live + 30 * MB,
                        256 * MB, 256 * MB));
            }
            id++;
            analyzer.accept(new GcEvent(id, "G1Full", GcKind.FULL, "test", start, Duration.ofMillis(90),
                    Duration.ofMillis(90)));
            analyzer.accept(new HeapSummary(id, HeapSummary.When.BEFORE_GC, start, live + 50 * MB, 256 * MB,
                    256 * MB));
            analyzer.accept(new HeapSummary(id, HeapSummary.When.AFTER_GC, start.plusMillis(90), live, 256 * MB,
                    256 * MB));
            if (i % 3 == 0) {
                long customers = live / 1000;
                analyzer.accept(new ClassHistogram(start.plusSeconds(1), true, List.of(
                        new ClassHistogram.Entry("com.example.Customer", customers, customers * 24),
                        new ClassHistogram.Entry("long[]", customers, customers * 816))));
                for (int j = 3; j <= i; j += 3) {
                    analyzer.accept(new ObjectSample("long[]", j, T0.plusSeconds(20L * j - 5), start.plusSeconds(2),
                            816, 100, live, stack, chain, "Threads / Stack Variable", ""));
                }
            }
        }
        analyzer.finish();
        return analyzer.analysis();
    }
}
