package io.leakwatch.examples;

import io.leakwatch.core.Verdict;
import io.leakwatch.jfr.RecordingAnalysis;
import io.leakwatch.jfr.RecordingAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(Files.readString(out.resolve("analysis.json"))).contains("\"schemaVersion\": 1");
        RecordingAnalysis offline = new RecordingAnalyzer(ChildJvm.fastAnalysis()).analyze(out);
        assertThat(offline.analysis().verdict()).as(offline.analysis().reason()).isEqualTo(Verdict.LEAK);
        assertThat(offline.analysis().topCandidate().objectType() + " "
                + offline.analysis().topCandidate().growingTypes()).contains("OomProgram$Order");
        System.out.println("after OutOfMemoryError: " + offline.analysis().reason());
    }
}
