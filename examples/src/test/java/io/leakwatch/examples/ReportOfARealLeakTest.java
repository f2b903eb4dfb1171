package io.leakwatch.examples;

import io.leakwatch.examples.zoo.ZooRunner;
import io.leakwatch.reports.cli.LeakwatchCli;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports and the CLI on the recording of a real leaking JVM: the listener leak under G1, watched by the
 * monitor. The HTML report is rendered in headless Chromium (Debian's chromium; .ci/run installs it), checked for
 * console errors, charts and the top candidate, and saved as a screenshot under target/.
 */
class ReportOfARealLeakTest {
    private static final String LEAKING_CLASS = "ListenerLeak$Widget";
    @TempDir
    static Path work;
    private static Path recordings;

    @BeforeAll
    static void recordALeak() throws Exception {
        List<String> options = new ArrayList<>(ChildJvm.FAST_MONITOR);
        options.add("-Dleakwatch.dir=" + work.resolve("leakwatch"));
        ChildJvm.Result result = ChildJvm.run(work, options, ZooRunner.class.getName(),
                List.of("listeners", "90", "until-leak"), Duration.ofSeconds(150));
        assertThat(result.value("verdict")).as(result.output()).isEqualTo("LEAK");
        recordings = work.resolve("leakwatch");
    }

    private static CliRun cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LeakwatchCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    private record CliRun(int code, String out, String err) {
    }

    @Test
    void analyzeExitsOneAndNamesTheLeakWithItsSiteAndChain() {
        CliRun run = cli("analyze", recordings.toString(), "--warm-up", "5s", "--min-observation", "15s");

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).startsWith("Leakwatch verdict: LEAK").contains(LEAKING_CLASS, "allocated at:",
                "held by, nearest first:", "static ListenerLeak.BUS");
    }

    @Test
    void jsonReportIsWrittenToTheOutputFile(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("report.json");
        CliRun run = cli("analyze", recordings.toString(), "--warm-up", "5s", "--min-observation", "15s",
                "--format", "json", "-o", json.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(json)).contains("\"schemaVersion\": 3", "\"verdict\": \"LEAK\"", LEAKING_CLASS,
                "\"inputs\": [", "\"status\": \"COMPLETE\"");
    }

    @Test
    void compareOfARecordingWithItselfShowsNoGrowth() {
        CliRun run = cli("compare", recordings.toString(), recordings.toString());

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("live set:", "(+0 B)");
    }

    @Test
    void htmlReportRendersInChromiumWithChartsAndTheTopCandidateAndNoConsoleErrors(@TempDir Path dir)
            throws Exception {
        String chromium = findChromium();
        Assumptions.assumeTrue(chromium != null, "Chromium is not installed (.ci/run installs it)");
        Path html = dir.resolve("report.html");
        assertThat(cli("analyze", recordings.toString(), "--warm-up", "5s", "--min-observation", "15s",
                "--format", "html", "-o", html.toString()).code()).isEqualTo(1);
        Path screenshot = Path.of("target", "report.png").toAbsolutePath();
        Files.createDirectories(screenshot.getParent());

        Browser dom = chromium(chromium, dir, "--dump-dom", html.toUri().toString());
        Browser shot = chromium(chromium, dir, "--screenshot=" + screenshot, html.toUri().toString());

        assertThat(dom.stdout()).contains("<svg class=\"chart\"", "class=\"trend\"", "class=\"live ",
                "class=\"verdict LEAK\"", LEAKING_CLASS, "class=\"hot\"");
        assertThat(dom.stderr() + shot.stderr()).doesNotContain("Uncaught").doesNotContainPattern(
                "CONSOLE.*(?i)error");
        assertThat(Files.size(screenshot)).isGreaterThan(20_000);
        System.out.println("HTML report screenshot: " + screenshot);
    }

    private record Browser(String stdout, String stderr) {
    }

    private static Browser chromium(String chromium, Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--window-size=1000,2400", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium")));
        command.addAll(List.of(args));
        Path stdout = dir.resolve("chromium.out");
        Path stderr = dir.resolve("chromium.err");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 60 s: " + command);
        }
        return new Browser(Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private static String findChromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        return null;
    }
}
