package io.leakwatch.examples;

import io.leakwatch.jfr.FileReport;
import io.leakwatch.jfr.RecordingAnalysis;
import io.leakwatch.jfr.RecordingAnalyzer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code leakwatch attach} as a user runs it: the packaged CLI ({@code reports/target/leakwatch.jar}) in a JVM of its
 * own, attaching to a real child JVM that has nothing of Leakwatch on its class path. Both run on the JDK that runs
 * the tests (17 and 25 in CI).
 */
class AttachTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void attachStartsTheMonitorSaysWhereTheEvidenceGoesAndStopWritesIt(@TempDir Path work) throws Exception {
        Path out = work.resolve("lw");
        try (Target target = Target.start(work)) {
            Cli started = Cli.run(work, "attach", target.pid(), "dir=" + out, "snapshotInterval=1s");

            assertThat(started.exitCode()).as(started.all()).isZero();
            Path evidence = out.resolve("leakwatch-" + target.pid() + ".jfr");
            assertThat(started.out()).contains("Leakwatch is monitoring process " + target.pid(),
                    "evidence: " + evidence, "attach " + target.pid() + " --stop");
            if (Runtime.version().feature() >= 21) {
                assertThat(target.output()).contains("A Java agent has been loaded dynamically");
                assertThat(started.out()).contains("Note: Java 21 and later print a warning",
                        "-XX:+EnableDynamicAgentLoading at the JVM's start allows it without the warning");
            } else {
                assertThat(started.out()).doesNotContain("Note:");
            }

            Cli again = Cli.run(work, "attach", target.pid(), "dir=" + work.resolve("other"));
            assertThat(again.exitCode()).as(again.all()).isEqualTo(7);
            assertThat(again.err()).contains("a monitor is already running in process " + target.pid(),
                    "started by an earlier leakwatch attach", evidence.toString(), "nothing was changed");

            Cli stopped = Cli.run(work, "attach", target.pid(), "--stop");
            assertThat(stopped.exitCode()).as(stopped.all()).isZero();
            assertThat(stopped.out()).contains("Leakwatch stopped monitoring process " + target.pid(),
                    "evidence: " + evidence);
            assertComplete(evidence);

            Cli nothing = Cli.run(work, "attach", target.pid(), "--stop");
            assertThat(nothing.exitCode()).as(nothing.all()).isEqualTo(7);
            assertThat(nothing.err()).contains("nothing to stop in process " + target.pid(),
                    "no monitor runs in this JVM");

            assertThat(target.end()).as(target.output()).isZero();
            assertThat(target.output()).contains("[leakwatch] started by leakwatch attach",
                    "[leakwatch] stopped by leakwatch attach", "target done").doesNotContain("Exception");
        }
    }

    /**
     * {@code leakwatch watch} on a real monitor: by process id (the directory read back from the property the monitor
     * sets) and by output directory, once and live until the process exits.
     */
    @Test
    void watchShowsTheMonitorOfAProcessByItsIdOrItsOutputDirectory(@TempDir Path work) throws Exception {
        Path out = work.resolve("lw");
        try (Target target = Target.start(work)) {
            Cli none = Cli.run(work, "watch", target.pid(), "--once");
            assertThat(none.exitCode()).as(none.all()).isEqualTo(4);
            assertThat(none.err()).contains("no Leakwatch monitor runs in process " + target.pid() + "; start one"
                    + " with: ", "attach " + target.pid());

            Cli started = Cli.run(work, "attach", target.pid(), "dir=" + out);
            assertThat(started.exitCode()).as(started.all()).isZero();
            // Until the monitor's analysis has seen a young collection (the target allocates some MB/s).
            Path analysis = out.resolve("analysis.json");
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!(Files.exists(analysis) && Files.readString(analysis).contains("\"kind\": \"YOUNG\""))
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }

            Cli byPid = Cli.run(work, "watch", target.pid(), "--once");
            // Seconds after the start the verdict is INCONCLUSIVE; whatever it is, the exit code is the verdict's.
            assertThat(byPid.exitCode()).as(byPid.all()).isIn(0, 1, 3);
            assertThat(byPid.out()).startsWith("Leakwatch watch: process " + target.pid() + " (" + out + ")")
                    .contains("Live set", "Heap after GC", "GC, ", "young", "Candidates")
                    .containsAnyOf("LEAK  ", "NO_LEAK  ", "INCONCLUSIVE  ");
            assertThat(byPid.err()).isEmpty();

            Cli byDirectory = Cli.run(work, "watch", out, "--once");
            assertThat(byDirectory.exitCode()).as(byDirectory.all()).isIn(0, 1, 3);
            assertThat(byDirectory.out()).startsWith("Leakwatch watch: " + out + " \u00b7 analysis.json");

            // Live, off a terminal: a frame per change of analysis.json, until the process exits.
            Path liveOut = work.resolve("watch.out");
            Process live = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", cliJar().toString(), "watch", Long.toString(target.pid()), "--interval", "500ms")
                    .directory(work.toFile()).redirectErrorStream(true).redirectOutput(liveOut.toFile()).start();
            try {
                deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (Files.readString(liveOut, StandardCharsets.UTF_8).split("Leakwatch watch: ").length < 3
                        && live.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertThat(target.end()).as(target.output()).isZero();
                assertThat(live.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                String frames = Files.readString(liveOut, StandardCharsets.UTF_8);
                assertThat(live.exitValue()).as(frames).isIn(0, 1, 3);
                assertThat(frames.split("Leakwatch watch: ").length).as(frames).isGreaterThanOrEqualTo(3);
                assertThat(frames).contains("Process " + target.pid() + " has exited").doesNotContain("\u001b[",
                        "Exception");
            } finally {
                live.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void aMonitorAttachedAndNeverStoppedWritesItsEvidenceWhenTheJvmExits(@TempDir Path work) throws Exception {
        Path out = work.resolve("lw");
        try (Target target = Target.start(work)) {
            Cli started = Cli.run(work, "attach", target.pid(), "dir=" + out, "snapshotInterval=10m");
            assertThat(started.exitCode()).as(started.all()).isZero();

            assertThat(target.end()).as(target.output()).isZero();
            assertThat(target.output()).doesNotContain("[error]", "Exception");
            assertComplete(out.resolve("leakwatch-" + target.pid() + ".jfr"));
        }
    }

    @Test
    void aMonitorTheApplicationStartedIsReportedAndLeftRunning(@TempDir Path work) throws Exception {
        Path out = work.resolve("own");
        try (Target target = Target.start(work, "-javaagent:" + agentJar() + "=dir=" + out)) {
            Cli found = Cli.run(work, "attach", target.pid());
            assertThat(found.exitCode()).as(found.all()).isEqualTo(7);
            assertThat(found.err()).contains("a monitor is already running in process " + target.pid(),
                    "started by the application", out.resolve("leakwatch-" + target.pid() + ".jfr").toString());

            Cli refused = Cli.run(work, "attach", target.pid(), "--stop");
            assertThat(refused.exitCode()).as(refused.all()).isEqualTo(7);
            assertThat(refused.err()).contains("started by the application, not by leakwatch attach; it is left"
                    + " running");
        }
    }

    @Test
    void aJvmThatRefusesDynamicAgentsIsToldWhichFlagAllowsThem(@TempDir Path work) throws Exception {
        try (Target target = Target.start(work, "-XX:-EnableDynamicAgentLoading")) {
            Cli refused = Cli.run(work, "attach", target.pid());

            assertThat(refused.exitCode()).as(refused.all()).isEqualTo(6);
            assertThat(refused.err()).startsWith("leakwatch: process " + target.pid() + " refuses agents loaded"
                    + " while it runs: it was started with -XX:-EnableDynamicAgentLoading. Restart it with"
                    + " -XX:+EnableDynamicAgentLoading");
            assertThat(target.isAlive()).isTrue();
        }
    }

    @Test
    void aJvmWithoutAttachSaysSo(@TempDir Path work) throws Exception {
        try (Target target = Target.start(work, "-XX:+DisableAttachMechanism")) {
            Cli refused = Cli.run(work, "attach", target.pid());

            assertThat(refused.exitCode()).as(refused.all()).isEqualTo(6);
            assertThat(refused.err()).contains("process " + target.pid() + " does not accept attach requests: it"
                    + " runs with -XX:+DisableAttachMechanism");
        }
    }

    @Test
    void aJvmWithoutFlightRecorderIsToldWhyAndRunsOn(@TempDir Path work) throws Exception {
        for (String withoutJfr : List.of("-XX:-FlightRecorder",
                "--limit-modules=java.base,java.management,java.instrument")) {
            try (Target target = Target.start(work, withoutJfr)) {
                Cli failed = Cli.run(work, "attach", target.pid());

                assertThat(failed.exitCode()).as(failed.all()).isEqualTo(7);
                assertThat(failed.err()).as(withoutJfr).contains("the monitor could not start in process "
                        + target.pid() + ": this JVM has no usable Flight Recorder: ").containsAnyOf(
                        "JDK Flight Recorder is disabled in this JVM (-XX:-FlightRecorder)",
                        "the jdk.jfr module is not in this JVM");
                assertThat(target.end()).as(target.output()).isZero();
                assertThat(target.output()).contains("target done").doesNotContain("Exception");
            }
        }
    }

    @Test
    void aProcessThatIsNotThereOrNotAJvmIsNamedForWhatItIs(@TempDir Path work) throws Exception {
        // Process ids stay below pid_max, so this one cannot be running.
        // (Files.readString gives "3" for this file on 17 and 25: proc reports a size of 0.)
        String pidMax = Files.readAllLines(Path.of("/proc/sys/kernel/pid_max")).get(0).trim();
        Cli missing = Cli.run(work, "attach", Long.parseLong(pidMax));
        assertThat(missing.exitCode()).as(missing.all()).isEqualTo(6);
        assertThat(missing.err()).isEqualTo("leakwatch: no process with id " + pidMax + " is running (jcmd -l lists"
                + " the Java processes you can attach to)\n");

        Process sleep = new ProcessBuilder("sleep", "60").start();
        try {
            Cli notJava = Cli.run(work, "attach", sleep.pid());
            assertThat(notJava.exitCode()).as(notJava.all()).isEqualTo(6);
            assertThat(notJava.err()).contains("process " + sleep.pid() + " (").contains("sleep) is not a Java"
                    + " virtual machine");
        } finally {
            sleep.destroyForcibly().waitFor();
        }
    }

    /**
     * Another user's JVM: the tests run as root, which may attach to anyone's, so the CLI runs as {@code nobody}
     * (through util-linux's setpriv) against the tests' own child.
     */
    @Test
    void anotherUsersJvmNamesItsOwnerAndHowToRunAsThem(@TempDir Path work) throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/usr/bin/setpriv")) && "root".equals(System.getProperty(
                "user.name")), "needs root and setpriv");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Target target = Target.start(work)) {
            Cli refused = Cli.run(work, List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534",
                    "--clear-groups"), "attach", target.pid());

            assertThat(refused.exitCode()).as(refused.all()).isEqualTo(6);
            assertThat(refused.err()).contains("process " + target.pid() + " belongs to user 'root', and a JVM"
                    + " accepts attach requests only from the user it runs as (or root); run leakwatch attach as"
                    + " 'root', for example: sudo -u root java -jar ");
        }
    }

    private static void assertComplete(Path evidence) throws Exception {
        RecordingAnalysis offline = new RecordingAnalyzer().analyze(evidence);
        assertThat(offline.files()).singleElement().satisfies(file -> {
            assertThat(file.status()).isEqualTo(FileReport.Status.COMPLETE);
            assertThat(file.events()).isPositive();
        });
    }

    /** jfr-stream/target/leakwatch-jfr-stream-*-agent.jar, built by the package phase before these tests run. */
    private static Path agentJar() throws IOException {
        Path target = Path.of("..", "jfr-stream", "target").toAbsolutePath().normalize();
        try (var files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-agent.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no agent jar in " + target + "; run mvn verify"));
        }
    }

    /** reports/target/leakwatch.jar, packaged before these tests run. */
    private static Path cliJar() {
        Path jar = Path.of("..", "reports", "target", "leakwatch.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new AssertionError("no " + jar + "; run mvn verify, which packages reports before these tests");
        }
        return jar;
    }

    /** What the CLI printed, and how it ended. */
    private record Cli(int exitCode, String out, String err) {
        String all() {
            return "exit " + exitCode + "\nout:\n" + out + "\nerr:\n" + err;
        }

        static Cli run(Path work, Object... args) throws Exception {
            return run(work, List.of(), args);
        }

        /** Runs {@code java -jar leakwatch.jar args}, prefixed by {@code wrapper} (to run it as another user). */
        static Cli run(Path work, List<String> wrapper, Object... args) throws Exception {
            Path jar = cliJar();
            List<String> command = new ArrayList<>(wrapper);
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    jar.toString()));
            for (Object arg : args) {
                command.add(arg.toString());
            }
            Path out = Files.createTempFile(work, "cli", ".out");
            Path err = Files.createTempFile(work, "cli", ".err");
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-rw-rw-"));
            Files.setPosixFilePermissions(err, PosixFilePermissions.fromString("rw-rw-rw-"));
            Process process = new ProcessBuilder(command).directory(work.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("leakwatch did not finish within " + TIMEOUT + ": " + command);
            }
            return new Cli(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }
    }

    /** A running {@link AttachTarget} in a child JVM, ended by closing its standard input. */
    private static final class Target implements AutoCloseable {
        private final Process process;
        private final Path log;

        private Target(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        static Target start(Path work, String... jvmOptions) throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx256m"));
            command.addAll(List.of(jvmOptions));
            // Only the program on its class path: nothing of Leakwatch, SLF4J or HdrHistogram.
            command.addAll(List.of("-cp", Path.of("target", "test-classes").toAbsolutePath().toString(),
                    AttachTarget.class.getName()));
            Path log = Files.createTempFile(work, "target", ".log");
            Target target = new Target(new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start(), log);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!target.output().contains("ready")) {
                if (!target.process.isAlive() || System.nanoTime() > deadline) {
                    target.close();
                    throw new AssertionError("the target did not start: " + command + "\n" + target.output());
                }
                Thread.sleep(50);
            }
            return target;
        }

        long pid() {
            return process.pid();
        }

        boolean isAlive() {
            return process.isAlive();
        }

        String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        /** Closes the target's standard input, so that it ends as a service does, and returns its exit code. */
        int end() throws Exception {
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("the target did not end within " + TIMEOUT + "\n" + output());
            }
            return process.exitValue();
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
