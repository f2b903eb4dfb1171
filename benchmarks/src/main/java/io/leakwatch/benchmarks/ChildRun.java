package io.leakwatch.benchmarks;

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

/** A child JVM of this JDK with this JVM's class path, and the {@code key=value} lines it printed. */
record ChildRun(int exitCode, Map<String, String> values, String output) {

    static ChildRun run(Path work, List<String> jvmOptions, String mainClass, List<String> arguments, Duration timeout)
            throws IOException, InterruptedException {
        return run(work, Path.of(System.getProperty("java.home")), absoluteClassPath(), jvmOptions, mainClass,
                arguments, timeout);
    }

    /** A child JVM of the JDK at {@code javaHome} with the given class path. */
    static ChildRun run(Path work, Path javaHome, String classPath, List<String> jvmOptions, String mainClass,
                        List<String> arguments, Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(arguments);
        Files.createDirectories(work);
        Path log = work.resolve("child.log");
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            return new ChildRun(-1, Map.of(), "timed out after " + timeout);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            int equals = line.indexOf('=');
            if (equals > 0 && line.substring(0, equals).matches("[a-zA-Z]+")) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return new ChildRun(process.exitValue(), values, output);
    }

    /** This JVM's class path with every entry made absolute, since the child runs in another directory. */
    private static String absoluteClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            entries.add(Path.of(entry).toAbsolutePath().toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** This run with one more value, one the harness measured itself (from the child's GC log). */
    ChildRun with(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(values);
        more.put(key, value);
        return new ChildRun(exitCode, more, output);
    }

    String value(String key) {
        return values.getOrDefault(key, "");
    }
}
