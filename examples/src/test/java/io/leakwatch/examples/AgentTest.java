package io.leakwatch.examples;

import io.leakwatch.jfr.LeakwatchAgent;
import io.leakwatch.jfr.RecordingAnalysis;
import io.leakwatch.jfr.RecordingAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code -javaagent}: a program that never calls Leakwatch is monitored all the same. */
class AgentTest {

    /** A jar with only the agent manifest: the agent class itself comes from the class path. */
    private static Path agentJar(Path dir) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", LeakwatchAgent.class.getName());
        Path jar = dir.resolve("agent.jar");
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        return jar;
    }

    @Test
    void theAgentMonitorsAProgramWithNoCodeChange(@TempDir Path work) throws Exception {
        Path out = work.resolve("lw");
        ChildJvm.Result result = ChildJvm.run(work, List.of("-javaagent:" + agentJar(work) + "=dir=" + out
                        + ",snapshotInterval=2s,warmUp=5s"), UnmonitoredProgram.class.getName(), List.of("8"),
                Duration.ofSeconds(60));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("Leakwatch: monitoring the heap");
        assertThat(Files.readString(out.resolve("analysis.json"))).contains("\"schemaVersion\": 1");
        RecordingAnalysis offline = new RecordingAnalyzer().analyze(out);
        assertThat(offline.analysis().counts().collections()).isPositive();
    }

    @Test
    void aBadAgentSettingIsOneLineOnStandardErrorAndTheProgramRunsOn(@TempDir Path work) throws Exception {
        ChildJvm.Result result = ChildJvm.run(work, List.of("-javaagent:" + agentJar(work) + "=snapshotInterval=x"),
                UnmonitoredProgram.class.getName(), List.of("1"), Duration.ofSeconds(60));

        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).contains("[leakwatch] not started: Bad setting leakwatch.snapshotInterval=x")
                .contains("unmonitored program done");
    }
}
