package io.leakwatch.examples;

import io.leakwatch.jfr.FileReport;
import io.leakwatch.jfr.RecordingAnalysis;
import io.leakwatch.jfr.RecordingAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code -javaagent} with the agent jar that {@code mvn package} builds: a program that never calls Leakwatch, with
 * nothing of Leakwatch on its class path, is monitored all the same, and ends by itself.
 */
class AgentTest {

    /** Only the test program: no Leakwatch class, no SLF4J, no HdrHistogram. */
    private static String programOnly() {
        return Path.of("target", "test-classes").toAbsolutePath().toString();
    }

    @Test
    void theAgentJarMonitorsAProgramWithNoCodeChangeAndNothingElseOnTheClassPath(@TempDir Path work)
            throws Exception {
        Path out = work.resolve("lw");
        ChildJvm.Result result = ChildJvm.run(work, List.of("-javaagent:" + ChildJvm.agentJar() + "=dir=" + out
                        + ",snapshotInterval=2s,warmUp=5s"), programOnly(), UnmonitoredProgram.class.getName(),
                List.of("8"), Duration.ofSeconds(60));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("unmonitored program done").doesNotContain("[leakwatch] not started");
        assertThat(Files.readString(out.resolve("analysis.json"))).contains("\"schemaVersion\": 3");
        RecordingAnalysis offline = new RecordingAnalyzer().analyze(out);
        assertThat(offline.analysis().counts().collections()).isPositive();
    }

    /**
     * JFR's own shutdown hook deletes its disk repository while the monitor's hook runs; a dump at that moment lost
     * the file and printed JFR errors in 5 of 6 runs. With a snapshot interval longer than the program, the only
     * evidence is what is written at exit, so every run must leave a complete recording and no JFR error.
     */
    @Test
    void theEvidenceIsWrittenWholeAtExitWithoutJfrErrors(@TempDir Path work) throws Exception {
        for (int run = 0; run < 3; run++) {
            Path out = work.resolve("lw" + run);
            // A small heap, so that two seconds hold several collections.
            ChildJvm.Result result = ChildJvm.run(work, List.of("-Xmx64m", "-javaagent:" + ChildJvm.agentJar() + "=dir=" + out
                            + ",snapshotInterval=10m"), programOnly(), UnmonitoredProgram.class.getName(), List.of("2"),
                    Duration.ofSeconds(60));

            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).as("run %d", run).doesNotContain("[error]", "[warning]");
            try (Stream<Path> files = Files.list(out)) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .as("run %d", run).hasSize(2).contains("analysis.json").anyMatch(f -> f.endsWith(".jfr"));
            }
            RecordingAnalysis offline = new RecordingAnalyzer().analyze(out);
            assertThat(offline.files()).singleElement()
                    .satisfies(file -> assertThat(file.status()).isEqualTo(FileReport.Status.COMPLETE));
            assertThat(offline.analysis().counts().collections()).as("run %d", run).isPositive();
        }
    }

    @Test
    void aBadAgentSettingIsOneLineOnStandardErrorAndTheProgramRunsOn(@TempDir Path work) throws Exception {
        ChildJvm.Result result = ChildJvm.run(work, List.of("-javaagent:" + ChildJvm.agentJar() + "=snapshotInterval=x"),
                programOnly(), UnmonitoredProgram.class.getName(), List.of("1"), Duration.ofSeconds(60));

        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).contains("[leakwatch] not started: Bad setting leakwatch.snapshotInterval=x")
                .contains("unmonitored program done");
    }
}
