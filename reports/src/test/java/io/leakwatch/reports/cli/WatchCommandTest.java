package io.leakwatch.reports.cli;

import io.leakwatch.core.Analysis;
import io.leakwatch.core.LocalTimes;
import io.leakwatch.core.json.AnalysisJson;
import io.leakwatch.reports.LeakingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WatchCommandTest {
    private static final Analysis LEAK = LeakingRun.analysis();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return LeakwatchCli.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void onceShowsOneFrameOfTheOutputDirectoryAndExitsWithTheVerdictsCode(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("analysis.json"), AnalysisJson.write(LEAK));

        assertThat(run("watch", dir.toString(), "--once")).isEqualTo(LeakwatchCli.LEAK);
        String frame = out.toString();
        assertThat(frame).startsWith("Leakwatch watch: " + dir + " \u00b7 analysis.json \u00b7 written ")
                .containsSubsequence("LEAK  " + LEAK.reason(), "Observed: " + LocalTimes.span(LEAK.from(), LEAK.to()),
                        "Live set       ", "40 measurements", "trend 12.0 MB/min", "heap exhausted in about",
                        "(max heap 256.0 MB)", "GC, last minute (1 min)", "per min", "pause p50", "full (3)",
                        "Candidates (1)", "1. com.example.Customer  CONFIRMED",
                        "allocated at:   com.example.Customer.<init>:12",
                        "accumulates in: HashMap (HashMap$Node[8192]) \u2190 static Registry.ALL")
                .doesNotContain("\u001b[");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void theFrameShowsTheLiveSetAsASparklineFromItsLowestToItsHighest() throws Exception {
        WatchedAnalysis analysis = WatchedAnalysis.of(JsonReader.read(AnalysisJson.write(LEAK)), "analysis.json");
        String frame = WatchFrame.render(analysis, new WatchFrame.Header("dir", "analysis.json", null, Instant.now()),
                true, ZoneId.of("UTC"));

        // A leak rising over 40 measurements (full collections and inspections): from the lowest block to the highest.
        assertThat(WatchFrame.sparkline(analysis.liveSetBytes())).hasSize(40).startsWith("\u2581\u2581")
                .contains("\u2588\u2588");
        assertThat(WatchFrame.sparkline(List.of(5L, 5L, 5L))).isEqualTo("\u2584\u2584\u2584");
        assertThat(WatchFrame.sparkline(java.util.stream.LongStream.range(0, 1000).boxed().toList()))
                .hasSize(WatchFrame.SPARKLINE_WIDTH);
        // On a terminal the verdict is coloured.
        assertThat(frame).contains("\u001b[1;41;97mLEAK\u001b[0m");
    }

    @Test
    void anAnalysisNotWrittenForAWhileIsSaidToBeStale() throws Exception {
        WatchedAnalysis analysis = WatchedAnalysis.of(JsonReader.read(AnalysisJson.write(LEAK)), "analysis.json");
        Instant written = Instant.parse("2026-01-01T00:10:00Z");

        String frame = WatchFrame.render(analysis, new WatchFrame.Header("dir", "analysis.json", written,
                written.plusSeconds(300)), false, ZoneId.of("UTC"));

        assertThat(frame).contains("written 2026-01-01 00:10:00 (5 min ago)", "Not updated for 5 min");
    }

    @Test
    void nothingToReadIsOneLineAndExitFour(@TempDir Path dir) throws Exception {
        assertThat(run("watch", dir.toString(), "--once")).isEqualTo(LeakwatchCli.UNREADABLE);
        assertThat(err.toString()).contains("no analysis.json in " + dir + " yet");

        Files.writeString(dir.resolve("analysis.json"), "{\"schemaVersion\": " + AnalysisJson.SCHEMA_VERSION + ", \"verdict\": ");
        assertThat(run("watch", dir.toString(), "--once")).isEqualTo(LeakwatchCli.UNREADABLE);
        assertThat(err.toString()).contains("analysis.json is not valid JSON (line 1, column 33: the document ends"
                + " where a value should be)");

        Files.writeString(dir.resolve("analysis.json"), "{\"schemaVersion\": 2, \"verdict\": \"LEAK\"}");
        assertThat(run("watch", dir.toString(), "--once")).isEqualTo(LeakwatchCli.UNREADABLE);
        assertThat(err.toString()).contains("is not an analysis of schema version " + AnalysisJson.SCHEMA_VERSION + " (it says 2.0)");

        Files.writeString(dir.resolve("analysis.json"), "{\"schemaVersion\": " + AnalysisJson.SCHEMA_VERSION + ", \"verdict\": \"LEAK\"}");
        assertThat(run("watch", dir.toString(), "--once")).isEqualTo(LeakwatchCli.UNREADABLE);
        assertThat(err.toString()).contains("has no 'reason' text: not the analysis.json of a Leakwatch monitor");

        assertThat(run("watch", dir.resolve("nothing-here").toString(), "--once")).isEqualTo(LeakwatchCli.UNREADABLE);
        assertThat(err.toString()).contains("no such directory or file: " + dir.resolve("nothing-here"));
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).doesNotContain("Exception");
    }

    @Test
    void aProcessThatCannotBeAttachedToIsOneLineAndExitSix() {
        // A JVM without a monitor is the examples' real-JVM test (WatchTest); these fail before any attach.
        assertThat(run("watch", Long.toString(ProcessHandle.current().pid()), "--once"))
                .isEqualTo(LeakwatchCli.CANNOT_ATTACH);
        assertThat(err.toString()).contains("is this leakwatch command itself");
        assertThat(run("watch", "999999999", "--once")).isEqualTo(LeakwatchCli.CANNOT_ATTACH);
        assertThat(err.toString()).contains("no process with id 999999999 is running");
    }

    @Test
    void anIntervalTooShortIsAUsageError(@TempDir Path dir) {
        assertThat(run("watch", dir.toString(), "--interval", "100ms")).isEqualTo(LeakwatchCli.USAGE);
        assertThat(err.toString()).contains("Invalid value for --interval: '100ms' (at least 500ms");
    }
}
