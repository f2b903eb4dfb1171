package io.leakwatch.reports;

import io.leakwatch.core.Analysis;
import io.leakwatch.core.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
        assertThat(text).containsSubsequence("Candidate 1 of", "com.example.Customer", "allocated at:",
                "com.example.Customer.<init>:12", "held by, nearest first:", "HashMap$Node[8192]",
                "<== accumulation point", "static Registry.ALL", "evidence:", "Live set:", "Garbage collection:");
    }

    @Test
    void jsonCarriesTheSchemaVersionVerdictAndTheCandidatesFields() {
        String json = JsonReport.render(leak);

        assertThat(json).contains("\"schemaVersion\": 3", "\"verdict\": \"LEAK\"", "\"type\": \"com.example.Customer\"",
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
                "com.example.Customer.&lt;init&gt;:12", "<title>Report of &lt;test&gt;</title>");
        assertThat(html).doesNotContain("<script", "http://", "https://");
    }
}
