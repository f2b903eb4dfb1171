package io.leakwatch.examples;

import io.leakwatch.core.AnalyzerConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a class of the test class path in a child JVM of the JDK running the tests, with a 256 MB heap, and collects
 * its output. The monitor settings make a run short: a 5 s warm-up, snapshots and inspections every 3 s.
 */
final class ChildJvm {
    static final List<String> FAST_MONITOR = List.of("-Dleakwatch.warmUp=5s", "-Dleakwatch.minObservation=15s",
            "-Dleakwatch.snapshotInterval=3s", "-Dleakwatch.inspectionInterval=3s", "-Dleakwatch.chainInterval=10s",
            "-Dleakwatch.pauseBudget=0.05");

    /** What a child printed and how it ended. */
    record Result(int exitCode, String output, Map<String, String> values) {
        String value(String key) {
            return values.getOrDefault(key, "");
        }
    }

    private ChildJvm() {
    }

    static Result run(Path workDirectory, List<String> jvmOptions, String mainClass, List<String> arguments,
                      Duration timeout) throws IOException, InterruptedException {
        return run(workDirectory, jvmOptions, classPath(), mainClass, arguments, timeout);
    }

    static Result run(Path workDirectory, List<String> jvmOptions, String classPath, String mainClass,
                      List<String> arguments, Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (jvmOptions.stream().noneMatch(option -> option.startsWith("-Xmx"))) {
            command.add("-Xmx256m");
        }
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(arguments);
        Path log = workDirectory.resolve("child.log");
        Process process = new ProcessBuilder(command).directory(workDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("child JVM did not finish within " + timeout + ": " + command + "\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            int equals = line.indexOf('=');
            if (equals > 0 && !line.startsWith("[") && line.substring(0, equals).matches("[a-zA-Z ]+")) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return new Result(process.exitValue(), output, values);
    }

    /** The tests' class path: Surefire names it in a property of its own when it runs from a manifest-only jar. */
    static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** jfr-stream/target/leakwatch-jfr-stream-*-agent.jar, built by the package phase before these tests run. */
    static Path agentJar() throws IOException {
        Path target = Path.of("..", "jfr-stream", "target").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-agent.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no agent jar in " + target + "; run mvn verify, which"
                            + " packages jfr-stream before these tests"));
        }
    }

    /** The analysis settings of {@link #FAST_MONITOR}, for analysing a child's recording offline. */
    static AnalyzerConfig fastAnalysis() {
        return AnalyzerConfig.builder().warmUp(Duration.ofSeconds(5)).minObservation(Duration.ofSeconds(15)).build();
    }
}
