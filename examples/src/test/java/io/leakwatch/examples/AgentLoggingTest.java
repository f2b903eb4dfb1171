package io.leakwatch.examples;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent in applications with each kind of logging an operator meets: no SLF4J at all, SLF4J 2 with a provider,
 * SLF4J 1.7 with a binding. A leaking program runs until the monitor's verdict is {@code LEAK}; its output must hold
 * the monitor's {@code LEAK} warning exactly once, through the application's SLF4J where it has one and on standard
 * error where it has none, and never SLF4J's complaint of a missing provider (which came with a warning sent to a
 * no-op logger). The application's own SLF4J keeps working: the agent jar carries no SLF4J of its own. The monitor
 * runs at most two threads of its own throughout.
 */
@Execution(ExecutionMode.CONCURRENT)
class AgentLoggingTest {
    private static final String LEAK_LINE = "memory leak: ";
    private static final long MAX_SECONDS = 120;

    @Test
    void withoutSlf4jTheLeakWarningIsOneLineOnStandardError(@TempDir Path work) throws Exception {
        ChildJvm.Result result = runLeakingProgram(work, List.of(), AgentLeakProgram.class);

        assertThat(leakLines(result)).as(result.output()).singleElement()
                .satisfies(line -> assertThat(line).startsWith("[leakwatch] WARN memory leak: "));
        assertThat(result.output()).doesNotContain("SLF4J");
    }

    @Test
    void withSlf4j2AndItsProviderTheLeakWarningGoesThroughTheApplicationsSlf4j(@TempDir Path work) throws Exception {
        ChildJvm.Result result = runLeakingProgram(work, jars("slf4j-2"), Slf4jAgentLeakProgram.class);

        assertThat(leakLines(result)).as(result.output()).singleElement()
                .satisfies(line -> assertThat(line).contains("WARN io.leakwatch - Leakwatch: memory leak: "));
        assertThat(result.output()).contains("INFO io.leakwatch.examples.Slf4jAgentLeakProgram - the application logs")
                .doesNotContain("No SLF4J providers", "[leakwatch] ");
    }

    @Test
    void withSlf4j17AndItsBindingTheLeakWarningGoesThroughTheApplicationsSlf4j(@TempDir Path work)
            throws Exception {
        ChildJvm.Result result = runLeakingProgram(work, jars("slf4j-1.7"), Slf4jAgentLeakProgram.class);

        assertThat(leakLines(result)).as(result.output()).singleElement()
                .satisfies(line -> assertThat(line).contains("WARN io.leakwatch - Leakwatch: memory leak: "));
        assertThat(result.output()).contains("INFO io.leakwatch.examples.Slf4jAgentLeakProgram - the application logs")
                .doesNotContain("No SLF4J providers", "StaticLoggerBinder", "[leakwatch] ");
    }

    /**
     * The static-map leak under G1 with the short monitor settings of the other child-JVM tests, under the agent;
     * on the class path only the program, the zoo, and the given jars.
     */
    private static ChildJvm.Result runLeakingProgram(Path work, List<Path> jars, Class<?> program) throws Exception {
        Path out = work.resolve("leakwatch");
        List<String> options = new ArrayList<>(ChildJvm.FAST_MONITOR);
        options.add("-XX:+UseG1GC");
        options.add("-javaagent:" + ChildJvm.agentJar() + "=dir=" + out);
        List<String> classPath = new ArrayList<>(List.of(Path.of("target", "test-classes").toAbsolutePath().toString(),
                Path.of("target", "classes").toAbsolutePath().toString()));
        jars.forEach(jar -> classPath.add(jar.toString()));
        ChildJvm.Result result = ChildJvm.run(work, options, String.join(File.pathSeparator, classPath),
                program.getName(), List.of("static-map", Long.toString(MAX_SECONDS), out.toString()),
                Duration.ofSeconds(MAX_SECONDS + 60));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("agent leak program done").doesNotContain("[leakwatch] not started");
        assertThat(result.value("leakAfterSeconds")).as(result.output()).isNotEqualTo("-1");
        assertThat(Integer.parseInt(result.value("leakwatchThreadsAtOnce"))).as(result.output()).isBetween(1, 2);
        assertThat(result.value("leakwatchThreadNames").split(" ")).as(result.output())
                .isSubsetOf("leakwatch-stream", "leakwatch-worker");
        return result;
    }

    private static List<String> leakLines(ChildJvm.Result result) {
        return result.output().lines().filter(line -> line.contains(LEAK_LINE)).toList();
    }

    /** The jars the build copied into target/{folder} (see this module's pom). */
    private static List<Path> jars(String folder) throws IOException {
        Path dir = Path.of("target", folder).toAbsolutePath();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
            assertThat(jars).as("jars in " + dir).hasSize(2);
            return jars;
        }
    }
}
