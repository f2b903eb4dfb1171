package io.leakwatch.reports;

import io.leakwatch.core.Analysis;
import io.leakwatch.core.Analyzer;
import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.core.GcEvent;
import io.leakwatch.core.GcKind;
import io.leakwatch.core.GcPoint;
import io.leakwatch.core.HeapSummary;
import io.leakwatch.core.LocalTimes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class GcChartTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static Analysis run;

    /** Ten minutes of a collector under pressure: a young collection every 2 s, a full one every 20 s. */
    @BeforeAll
    static void analyse() {
        Analyzer analyzer = new Analyzer(AnalyzerConfig.defaults());
        long id = 0;
        for (int second = 2; second <= 600; second += 2) {
            Instant start = LeakingRun.T0.plusSeconds(second);
            boolean full = second % 20 == 0;
            Duration pause = full ? Duration.ofMillis(90 + second / 10) : Duration.ofMillis(4);
            id++;
            analyzer.accept(new GcEvent(id, full ? "G1Full" : "G1New", full ? GcKind.FULL : GcKind.YOUNG, "test",
                    start, pause, pause));
            analyzer.accept(new HeapSummary(id, HeapSummary.When.AFTER_GC, start.plus(pause), 40 * LeakingRun.MB,
                    256 * LeakingRun.MB, 256 * LeakingRun.MB));
        }
        analyzer.finish();
        run = analyzer.analysis();
    }

    @Test
    void everyCollectionIsAPointYoungSmallAndFullLarge() {
        String svg = GcChart.render(run.gcTimeline(), ZONE);

        // 270 young collections are more than a kind keeps (256): they are thinned, the 30 full ones are not.
        long youngPoints = run.gcTimeline().stream().filter(p -> p.kind() == GcKind.YOUNG).count();
        assertThat(youngPoints).isLessThan(270);
        assertThat(run.gcTimeline().stream().filter(p -> p.kind() == GcKind.YOUNG).mapToLong(GcPoint::collections)
                .sum()).isEqualTo(270);
        assertThat(count(svg, "<circle class=\"gc young\"[^>]* r=\"2.5\"")).isEqualTo(youngPoints);
        assertThat(count(svg, "<circle class=\"gc full\"[^>]* r=\"4.5\"")).isEqualTo(30);
        GcPoint longest = run.gcTimeline().get(run.gcTimeline().size() - 1);
        assertThat(svg).contains("<title>full collection at " + LocalTimes.format(longest.time(), ZONE)
                + ": pause 150 ms</title>", "(the longest of 2 collections here)");
    }

    @Test
    void pausesAreOnALogarithmicScaleFromTheShortestToTheLongestDecade() {
        String svg = GcChart.render(run.gcTimeline(), ZONE);

        // 4 ms to 150 ms: the decades 1 ms, 10 ms, 100 ms and 1 s are the grid.
        assertThat(svg).contains(">1.0 ms</text>", ">10 ms</text>", ">100 ms</text>", ">1 s</text>")
                .doesNotContain(">10 s</text>");
    }

    @Test
    void barsSayHowManyYoungAndOldCollectionsRanPerMinute() {
        // 40 minutes, so each of the 40 bars spans one: young every 15 s, full every other minute.
        List<GcPoint> timeline = new ArrayList<>();
        for (int second = 0; second <= 2400; second += 15) {
            timeline.add(new GcPoint(LeakingRun.T0.plusSeconds(second), GcKind.YOUNG, Duration.ofMillis(3),
                    Duration.ofMillis(3), 1));
            if (second % 120 == 0 && second < 2400) {
                timeline.add(new GcPoint(LeakingRun.T0.plusSeconds(second + 10), GcKind.FULL, Duration.ofMillis(80),
                        Duration.ofMillis(80), 1));
            }
        }
        String svg = GcChart.render(timeline, ZONE);

        assertThat(count(svg, "<rect class=\"rate young\"")).isEqualTo(40);
        assertThat(count(svg, "<rect class=\"rate old\"")).isEqualTo(20);
        assertThat(svg).contains("<title>young and mixed: 4.0/min</title>", "<title>old and full: 1.0/min</title>");
    }

    @Test
    void theTimeAxisReadsLocalClockTimeAndNamesTheDate() {
        String svg = GcChart.render(run.gcTimeline(), ZONE);

        // 2026-01-01T00:00:02Z is 01:00:02 in Paris; ticks every 2 minutes from 01:02.
        assertThat(svg).contains(">01:02</text>", ">01:04</text>", ">01:10</text>",
                "local time (UTC+01:00), 2026-01-01");
    }

    @Test
    void theHtmlReportShowsTheChartAndTimesAsAPersonReadsThem() {
        String html = HtmlReport.render(run);
        String text = TextReport.render(run);

        assertThat(html).contains("<h2>Collections: pauses and frequency</h2>", "<svg class=\"chart gc-chart\"",
                LocalTimes.span(run.from(), run.to()), "270 young (27.", "30 full (3.");
        assertThat(text).contains("  Observed: " + LocalTimes.span(run.from(), run.to()) + "\n");
        assertThat(html + text).doesNotContain("2026-01-01T00:");
    }

    @Test
    void withoutCollectionsTheChartIsANote() {
        assertThat(GcChart.render(List.of(), ZONE)).contains("No collection was recorded.");
    }

    private static long count(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        long count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
