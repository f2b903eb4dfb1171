package io.leakwatch.junit;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every program of the zoo through {@value #RUNS} leak tests with the default settings, each run with a new instance:
 * every leak fails naming its leaking class, every healthy program passes, in every run.
 *
 * <p>Each program runs in a JVM of its own (256 MB, as the examples' children), two at a time, so that its heap and
 * its old-object samples are its own. How often the JVM's sampler gave an allocation site varies from run to run,
 * so it is printed, not asserted.
 */
@Execution(ExecutionMode.CONCURRENT)
class ZooLeakTest {
    static final int RUNS = 20;
    private static final long TIMEOUT_SECONDS = 300;

    static List<String> programs() {
        return IterationZoo.names();
    }

    @ParameterizedTest
    @MethodSource("programs")
    void everyLeakFailsAndEveryHealthyProgramPassesInEveryRun(String name) throws Exception {
        String leakingClass = IterationZoo.leakingClass(name);
        List<String> runs = runInChild(name);

        String expected = leakingClass == null ? "outcome=pass" : "outcome=leak type=" + leakingClass + " site=";
        assertThat(runs).as(name).hasSize(RUNS).allSatisfy(run -> assertThat(run).contains(expected));
        long sites = runs.stream().filter(run -> run.endsWith("site=yes")).count();
        System.out.printf(Locale.ROOT, "Leak tests of %s on Java %d: %s in %d of %d runs%s%n", name,
                Runtime.version().feature(), leakingClass == null ? "passed" : "failed", runs.size(), RUNS,
                leakingClass == null ? "" : ", with an allocation site in " + sites);
    }

    private static List<String> runInChild(String name) throws IOException, InterruptedException {
        Path log = Files.createTempFile("leakwatch-zoo-" + name, ".log");
        try {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", classPath(), ZooLeakRuns.class.getName(), name, Integer.toString(RUNS))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor();
                throw new AssertionError(name + " did not finish its runs within " + TIMEOUT_SECONDS + " s:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(child.exitValue()).as(output).isZero();
            return output.lines().filter(line -> line.startsWith("run=")).toList();
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The tests' class path: Surefire names it in a property of its own when it runs from a manifest-only jar. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
