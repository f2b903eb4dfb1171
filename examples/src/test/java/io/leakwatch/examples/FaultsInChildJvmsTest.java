package io.leakwatch.examples;

import io.leakwatch.core.Verdict;
import io.leakwatch.jfr.RecordingAnalysis;
import io.leakwatch.jfr.RecordingAnalyzer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The monitor in JVMs that lack Flight Recorder or die of the leak it watches. */
class FaultsInChildJvmsTest {
    /** Enough of the JDK for the program and the monitor's own code, but not jdk.jfr. */
    private static final String WITHOUT_JFR = "--limit-modules=java.base,java.management,java.instrument,java.logging";

    @Test
    void withoutFlightRecorderStartFailsWithAClearMessage(@TempDir Path work) throws Exception {
        ChildJvm.Result result = ChildJvm.run(work, List.of(WITHOUT_JFR), JfrlessProgram.class.getName(), List.of(),
                Duration.ofSeconds(60));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.value("failed")).startsWith("Leakwatch cannot monitor this JVM: the jdk.jfr module is"
                + " not in this JVM").contains("leakwatch.failIfUnavailable=false");
    }

    @Test
    void withFlightRecorderSwitchedOffStartSaysWhichOptionToRemove(@TempDir Path work) throws Exception {
        ChildJvm.Result result = ChildJvm.run(work, List.of("-XX:-FlightRecorder"), JfrlessProgram.class.getName(),
                List.of(), Duration.ofSeconds(60));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.value("failed")).contains("JDK Flight Recorder is disabled in this JVM (-XX:-FlightRecorder);"
                + " remove that option");
    }

    @Test
    void withoutFlightRecorderItCanRunDisabledWithOneWarning(@TempDir Path work) throws Exception {
        ChildJvm.Result result = ChildJvm.run(work, List.of(WITHOUT_JFR, "-Dleakwatch.failIfUnavailable=false"),
                JfrlessProgram.class.getName(), List.of(), Duration.ofSeconds(60));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.value("started active")).isEqualTo("false");
        assertThat(result.value("snapshot")).startsWith("Leakwatch is not monitoring:");
        assertThat(result.output().lines().filter(line -> line.contains("WARN"))).hasSize(1);
        assertThat(result.output()).contains("program done");
    }

    /**
     * A file the user may not read. The tests run as root, which reads everything, so the CLI runs as the user
     * {@code nobody} (through util-linux's setpriv) on a root-owned file with mode 000.
     */
    @Test
    void anUnreadableFileIsOneLineWithTheCauseAndExitFour(@TempDir Path work) throws Exception {
        Path cli = Path.of("..", "reports", "target", "leakwatch.jar").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.exists(Path.of("/usr/bin/setpriv")) && "root".equals(System.getProperty(
                "user.name")) && Files.exists(cli), "needs root, setpriv and the packaged CLI");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path secret = Files.write(work.resolve("secret.jfr"), new byte[]{'F', 'L', 'R', 0, 0, 2, 0, 1});
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        Process process = new ProcessBuilder("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", cli.toString(), "analyze",
                secret.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as(output).isEqualTo(4);
        assertThat(output).contains(secret + " cannot be read: permission denied.").doesNotContain("Exception");
    }

    @Test
    void afterTheOutOfMemoryErrorTheEvidenceOnDiskNamesTheLeak(@TempDir Path work) throws Exception {
        Path out = work.resolve("leakwatch");
        List<String> options = new ArrayList<>(ChildJvm.FAST_MONITOR);
        options.add("-Dleakwatch.dir=" + out);
        options.add("-Xmx128m");
        ChildJvm.Result result = ChildJvm.run(work, options, OomProgram.class.getName(), List.of(),
                Duration.ofSeconds(180));

        assertThat(result.output()).contains("OutOfMemoryError");
        assertThat(result.exitCode()).isNotZero();
        assertThat(Files.readString(out.resolve("analysis.json"))).contains("\"schemaVersion\": 3");
        RecordingAnalysis offline = new RecordingAnalyzer(ChildJvm.fastAnalysis()).analyze(out);
        assertThat(offline.analysis().verdict()).as(offline.analysis().reason()).isEqualTo(Verdict.LEAK);
        assertThat(offline.analysis().topCandidate().objectType() + " "
                + offline.analysis().topCandidate().growingTypes()).contains("OomProgram$Order");
        System.out.println("after OutOfMemoryError: " + offline.analysis().reason());
    }
}
