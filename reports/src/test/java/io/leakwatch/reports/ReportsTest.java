package io.leakwatch.reports;

import io.leakwatch.core.json.AnalysisJson;
import io.leakwatch.core.AccumulationPoint;
import io.leakwatch.core.Analysis;
import io.leakwatch.core.Analyzer;
import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.core.GcEvent;
import io.leakwatch.core.GcKind;
import io.leakwatch.core.HeapSummary;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.ReferenceStep;
import io.leakwatch.core.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportsTest {
    private static Analysis leak;

    @BeforeAll
    static void analyse() {
        leak = LeakingRun.analysis();
        assertThat(leak.verdict()).as(leak.reason()).isEqualTo(Verdict.LEAK);
    }

    @Test
    void textPutsTheVerdictFirstThenTheCandidateWithStackAndChain() {
        String text = TextReport.render(leak);

        assertThat(text).startsWith("Leakwatch verdict: LEAK\n");
        assertThat(text).containsSubsequence("Candidate 1 of", "com.example.Customer", "fingerprint: ",
                "allocated at: com.example.Customer.<init>:12\n", "accumulates in: HashMap (HashMap$Node[8192])"
                        + " \u2190 static Registry.ALL", "suspect reference: static Registry.ALL",
                "leak trace, root first:", "root: Threads / Stack Variable", "static Registry.ALL",
                "<== suspect reference", "HashMap.table", "<== container: HashMap", "HashMap$Node[8192]",
                "<== accumulation point", "HashMap$Node.value", "Customer.data", "the sampled object",
                "evidence:", "Live set:", "Garbage collection:");
    }

    @Test
    void compareMatchesTheSameLeakOfTwoRunsByItsFingerprint() {
        RecordingComparison comparison = RecordingComparison.of(LeakingRun.analysis(), leak);

        assertThat(comparison.leaks()).singleElement().satisfies(change -> {
            assertThat(change.fingerprint()).isEqualTo(leak.topCandidate().fingerprint());
            assertThat(change.before()).isNotNull();
            assertThat(change.after()).isNotNull();
        });
        assertThat(comparison.renderText()).contains("Leak candidates by fingerprint:",
                leak.topCandidate().fingerprint() + "  in both");
    }

    @Test
    void aSampledArrayThatIsItsOwnStorageEndsTheLeakTrace() {
        // A session table sampled as it was resized: its chain is read led by the array itself.
        List<ReferenceStep> chain = List.of(
                new ReferenceStep("java.util.concurrent.ConcurrentHashMap$Node[]", null, false, null, -1, 8192, 0),
                new ReferenceStep("java.util.concurrent.ConcurrentHashMap", "table", false, null, -1, -1, 0),
                new ReferenceStep("org.apache.catalina.session.StandardManager", "sessions", false, null, -1, -1, 0),
                new ReferenceStep("com.acme.Shop", "tomcat", false, null, -1, -1, 0));
        AccumulationPoint point = new AccumulationPoint(chain, 0, 1, false, 1, null, 3, 4096, 8192);
        LeakCandidate table = new LeakCandidate("java.util.concurrent.ConcurrentHashMap$Node[]",
                LeakCandidate.Status.SUSPECTED, List.of(), List.of(), chain, "", point, 3, Duration.ZERO, null,
                Double.NaN, Double.NaN, Double.NaN, 0.3, List.of(), "", -1, "0123456789ab");

        List<LeakTrace.Line> trace = LeakTrace.of(table);

        assertThat(trace).extracting(LeakTrace.Line::text).containsExactly("Shop.tomcat", "StandardManager.sessions",
                "ConcurrentHashMap.table", "ConcurrentHashMap$Node[8192]");
        assertThat(trace.get(3).marks()).containsExactly(LeakTrace.Mark.STORAGE);
        assertThat(trace.get(3).note()).endsWith("; the sampled object");
    }

    @Test
    void theLeakTraceMarksEachStepOnItsOwnLineRootFirst() {
        List<LeakTrace.Line> trace = LeakTrace.of(leak.topCandidate());

        assertThat(trace).extracting(LeakTrace.Line::text).containsExactly("static Registry.ALL", "HashMap.table",
                "HashMap$Node[8192]", "HashMap$Node.value", "Customer.data", "the sampled object");
        assertThat(trace).extracting(LeakTrace.Line::marks).containsExactly(List.of(LeakTrace.Mark.SUSPECT),
                List.of(LeakTrace.Mark.CONTAINER), List.of(LeakTrace.Mark.STORAGE), List.of(), List.of(), List.of());
    }

    @Test
    void jsonCarriesTheSchemaVersionVerdictAndTheCandidatesFields() {
        String json = JsonReport.render(leak);

        assertThat(json).contains("\"schemaVersion\": " + AnalysisJson.SCHEMA_VERSION, "\"verdict\": \"LEAK\"", "\"type\": \"com.example.Customer\"",
                "\"fingerprint\": \"" + leak.topCandidate().fingerprint() + "\"", "\"containerType\": \"java.util.HashMap\"",
                "\"suspectReference\": \"static Registry.ALL\"", "\"applicationFrame\": 0",
                "\"findings\": [", "\"rule\": \"live-set-grows\"", "\"logBayesFactor\": ", "\"status\": \"CONFIRMED\"",
                "\"allocationSite\": [", "\"referenceChain\": [", "\"accumulationPoint\": {",
                "\"growthBytesPerMinute\": ", "\"confidence\": ", "\"evidence\": [", "\"liveSet\": {", "\"gc\": [");
        assertThat(json.chars().filter(c -> c == '{').count()).isEqualTo(json.chars().filter(c -> c == '}').count());
    }

    @Test
    void objectValuesAppearOnlyWhenTheAnalysisCarriesThem() {
        Analysis described = LeakingRun.analysis("customer <alice@example.com>");

        assertThat(TextReport.render(leak) + JsonReport.render(leak) + HtmlReport.render(leak))
                .doesNotContain("example value", "exampleValue");
        assertThat(TextReport.render(described)).contains("  example value: customer <alice@example.com>");
        assertThat(JsonReport.render(described)).contains("\"exampleValue\": \"customer <alice@example.com>\"");
        assertThat(HtmlReport.render(described)).contains("customer &lt;alice@example.com&gt;");
    }

    @Test
    void htmlIsOneSelfContainedFileWithChartsEscapedTextAndTheAccumulationPointHighlighted() {
        String html = HtmlReport.render(leak, List.of(), "Report of <test>");

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg class=\"chart\"", "class=\"trend\"",
                "class=\"projection\"", "class=\"live full_gc\"", "<span class=\"hot\">HashMap$Node[8192]</span>",
                "<span class=\"suspect\">static Registry.ALL</span>",
                "com.example.Customer.&lt;init&gt;:12", "<title>Report of &lt;test&gt;</title>");
        assertThat(html).doesNotContain("<script", "http://", "https://");
    }

    @Test
    void whatTheEvidenceCouldNotShowIsSaidInEveryForm() {
        Analyzer analyzer = new Analyzer(AnalyzerConfig.defaults());
        for (int i = 1; i <= 10; i++) {
            Instant start = LeakingRun.T0.plusSeconds(10L * i);
            analyzer.accept(new GcEvent(i, "G1New", GcKind.YOUNG, "test", start, Duration.ofMillis(5),
                    Duration.ofMillis(5)));
            analyzer.accept(new HeapSummary(i, HeapSummary.When.AFTER_GC, start.plusMillis(5), 40 * LeakingRun.MB,
                    256 * LeakingRun.MB, 256 * LeakingRun.MB));
        }
        Analysis bare = analyzer.analysis();

        assertThat(bare.coverage().gaps()).hasSize(2);
        assertThat(TextReport.render(bare)).contains("  Not seen: No old-object samples (jdk.OldObjectSample was off)",
                "  Not seen: No heap inspections");
        assertThat(HtmlReport.render(bare)).contains("<i>Not seen:</i> No old-object samples");
        assertThat(JsonReport.render(bare)).contains("\"gaps\": [", "\"No heap inspections");
        assertThat(TextReport.render(leak)).doesNotContain("Not seen:");
    }
}
