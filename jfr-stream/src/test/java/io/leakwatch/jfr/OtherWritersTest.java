package io.leakwatch.jfr;

import io.leakwatch.jfr.fuzz.AsyncProfilerRecordings;
import io.leakwatch.jfr.fuzz.JmcWriterRecordings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recordings from JFR writers that are not HotSpot's are read, or refused with a precise reason. JDK 11 and 21
 * recordings and GraalVM native-image ones cannot be made here (no such JDK in Debian 12's packages or on Maven
 * Central); shared/corpus holds real JDK 8, 11, 12, 16, 17, 18, 21 and 25 files, which {@code CorpusTest} reads.
 */
class OtherWritersTest {

    @Test
    void asyncProfilersOwnJfrIsReadWhole(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(AsyncProfilerRecordings.libraryResource() != null,
                "async-profiler's jar has no library for " + System.getProperty("os.arch"));
        Path file = AsyncProfilerRecordings.record(dir, dir.resolve("async-profiler.jfr"), false);

        RecordingAnalysis result = new RecordingAnalyzer().analyze(file);

        assertThat(result.files()).singleElement().satisfies(report -> {
            assertThat(report.status()).as(report.message()).isEqualTo(FileReport.Status.COMPLETE);
            assertThat(report.events()).isPositive(); // its one jdk.GCHeapSummary
        });
    }

    @Test
    void asyncProfilerMergedWithAJdkRecordingIsReadWithTheCollections(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(AsyncProfilerRecordings.libraryResource() != null,
                "async-profiler's jar has no library for " + System.getProperty("os.arch"));
        Path file = AsyncProfilerRecordings.record(dir, dir.resolve("jfrsync.jfr"), true);

        RecordingAnalysis result = new RecordingAnalyzer().analyze(file);

        assertThat(result.files().get(0).status()).as(result.files().get(0).message())
                .isEqualTo(FileReport.Status.COMPLETE);
        assertThat(result.analysis().counts().collections()).isPositive();
    }

    @Test
    void jmcWriterEventsWhoseTimesTheJdkParserMisreadsAreLeftOutAndSaidSo(@TempDir Path dir) throws Exception {
        Path file = JmcWriterRecordings.growingHeap(dir.resolve("jmc-writer.jfr"), 6);

        RecordingAnalysis result = new RecordingAnalyzer().analyze(file);

        FileReport report = result.files().get(0);
        assertThat(report.status()).isEqualTo(FileReport.Status.PARTIAL);
        assertThat(report.message()).startsWith(file + " was read only in part: its writer put the start time or"
                + " duration of jdk.GCHeapSummary, jdk.GarbageCollection, jdk.OldObjectSample elsewhere than first");
        assertThat(result.analysis().counts().collections()).isZero();
    }
}
