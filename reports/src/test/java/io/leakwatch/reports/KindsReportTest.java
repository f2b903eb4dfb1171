package io.leakwatch.reports;

import io.leakwatch.core.json.AnalysisJson;
import io.leakwatch.core.Analysis;
import io.leakwatch.core.Analyzer;
import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.core.DirectBufferStatistics;
import io.leakwatch.core.GcEvent;
import io.leakwatch.core.GcKind;
import io.leakwatch.core.HeapSummary;
import io.leakwatch.core.StackFrame;
import io.leakwatch.core.ThreadStart;
import io.leakwatch.core.ThreadStatistics;
import io.leakwatch.core.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.leakwatch.reports.LeakingRun.MB;
import static io.leakwatch.reports.LeakingRun.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** The kinds outside the heap in every report: a thread leak beside a flat heap and flat direct memory. */
class KindsReportTest {
    private static final List<StackFrame> START = List.of(new StackFrame("java.lang.Thread", "start", 798),
            new StackFrame("com.example.Jobs", "submit", 31));
    private static Analysis leak;
    private static Analysis flat;

    @BeforeAll
    static void analyse() {
        leak = run(true);
        flat = run(false);
        assertThat(leak.verdict()).as(leak.reason()).isEqualTo(Verdict.LEAK);
        assertThat(flat.verdict()).as(flat.reason()).isEqualTo(Verdict.NO_LEAK);
    }

    @Test
    void textNamesTheKindItsStartingCodeAndEachKindsSeries() {
        String text = TextReport.render(leak);

        assertThat(text).containsSubsequence("Leakwatch verdict: LEAK", "The live-thread count grew by",
                "Candidate 1 of 1: threads, java.lang.Thread named worker-* (confidence", "started from:",
                "com.example.Jobs.submit:31", "Outside the heap:", "class metadata: not recorded", "threads: LEAK",
                "samples, 20 threads to", "direct memory: NO_LEAK", "native memory: not recorded (",
                "-XX:NativeMemoryTracking=summary");
    }

    @Test
    void htmlHasACardAndAChartPerRecordedKind() {
        String html = HtmlReport.render(leak);

        assertThat(html).contains("<h2>Outside the heap</h2>", "aria-label=\"threads over time\"",
                "aria-label=\"direct memory over time\"", "<span class=\"pill LEAK\">LEAK</span>",
                "threads: java.lang.Thread</b> named <code>worker-*</code>", "started from <code>com.example.Jobs"
                        + ".submit:31</code>");
        assertThat(html).doesNotContain("<script", "http://", "https://");
    }

    @Test
    void jsonHasTheKindsWithTheirFindingsSeriesAndTheCandidatesKind() {
        String json = JsonReport.render(leak);

        assertThat(json).contains("\"schemaVersion\": " + AnalysisJson.SCHEMA_VERSION, "\"kinds\": [", "\"kind\": \"THREADS\"",
                "\"unit\": \"THREADS\"", "\"rule\": \"kind-grows\"", "\"rule\": \"kind-code-named\"",
                "\"slopeThreadsPerSecond\": ", "\"namePattern\": \"worker-*\"", "\"slopePerMinute\": ",
                "\"samples\": [", "\"series\": \"threads\"");
        assertThat(json.chars().filter(c -> c == '{').count()).isEqualTo(json.chars().filter(c -> c == '}').count());
    }

    @Test
    void compareShowsTheKindsSideBySide() {
        RecordingComparison comparison = RecordingComparison.of(flat, leak);

        assertThat(comparison.kinds()).extracting(RecordingComparison.KindChange::displayName)
                .containsExactly("threads", "direct memory");
        assertThat(comparison.renderText()).containsSubsequence("Outside the heap", "threads", "20 threads -> 110"
                + " threads (+90 threads) (NO_LEAK -> LEAK)", "direct memory", "(NO_LEAK -> NO_LEAK)");
    }

    /** Ten minutes, full collections every 10 s over a flat heap; with {@code leaking}, a thread started per 2 s. */
    private static Analysis run(boolean leaking) {
        Analyzer analyzer = new Analyzer(AnalyzerConfig.defaults());
        for (int s = 0; s <= 180; s += 2) {
            Instant time = T0.plusSeconds(s);
            long threads = 20 + (leaking ? s / 2 : 0);
            if (leaking) {
                analyzer.accept(new ThreadStart(time, 100 + s, "worker-" + s, START));
            }
            analyzer.accept(new ThreadStatistics(time.plusMillis(100), threads, threads));
            analyzer.accept(new DirectBufferStatistics(time.plusMillis(200), 64, 8 * MB, 256 * MB));
            if (s % 10 == 0) {
                long live = 20 * MB + (s % 20 == 0 ? 200_000 : -200_000);
                analyzer.accept(new GcEvent(s, "G1Full", GcKind.FULL, "test", time, Duration.ofMillis(50),
                        Duration.ofMillis(50)));
                analyzer.accept(new HeapSummary(s, HeapSummary.When.BEFORE_GC, time, live + 50 * MB, 256 * MB,
                        256 * MB));
                analyzer.accept(new HeapSummary(s, HeapSummary.When.AFTER_GC, time.plusMillis(50), live, 256 * MB,
                        256 * MB));
            }
        }
        analyzer.finish();
        return analyzer.analysis();
    }
}
