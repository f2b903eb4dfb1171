package io.leakwatch.jfr;

import io.leakwatch.core.Verdict;
import jdk.jfr.FlightRecorder;
import jdk.jfr.RecordingState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.leakwatch.jfr.TestMonitors.config;
import static io.leakwatch.jfr.TestMonitors.leakwatchThreads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The monitor in this JVM: start, listeners, dump, close, and what close leaves behind. */
class LeakMonitorLifecycleTest {


    @Test
    void aThrowingListenerIsLoggedAndOthersStillHearTheVerdict(@TempDir Path dir) throws Exception {
        CountDownLatch heard = new CountDownLatch(1);
        AtomicInteger thrown = new AtomicInteger();
        try (LeakMonitor monitor = LeakMonitor.start(config(dir))) {
            monitor.addListener(analysis -> {
                thrown.incrementAndGet();
                throw new IllegalStateException("listener bug");
            });
            monitor.addListener(analysis -> heard.countDown());
            for (int i = 0; i < 5 && heard.getCount() > 0; i++) {
                System.gc();
                heard.await(2, TimeUnit.SECONDS);
            }
            assertThat(heard.getCount()).as("second listener heard a verdict").isZero();
            assertThat(thrown.get()).isPositive();
            assertThat(monitor.isActive()).isTrue();
            // The verdict heard may be the first analysis, made before the stream delivered any collection.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (monitor.snapshot().counts().collections() == 0 && System.nanoTime() < deadline) {
                System.gc();
                Thread.sleep(500);
            }
            assertThat(monitor.snapshot().counts().collections()).isPositive();
        }
    }

    @Test
    void startingTwiceReturnsTheRunningMonitorAndCloseLeavesNoThreadOrRecording(@TempDir Path dir)
            throws Exception {
        int recordingsBefore = runningRecordings();
        LeakMonitor first = LeakMonitor.start(config(dir));
        LeakMonitor second = LeakMonitor.start(config(dir.resolve("other")));
        assertThat(second).isSameAs(first);
        System.gc();
        Thread.sleep(2500);
        assertThat(leakwatchThreads()).containsExactlyInAnyOrder("leakwatch-stream", "leakwatch-worker");

        first.close();
        first.close();

        assertThat(leakwatchThreads()).isEmpty();
        assertThat(runningRecordings()).isEqualTo(recordingsBefore);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList())
                .contains("analysis.json").anyMatch(name -> name.matches("leakwatch-\\d+\\.jfr"));
        try (LeakMonitor third = LeakMonitor.start(config(dir))) {
            assertThat(third).isNotSameAs(first);
        }
    }

    @Test
    void outputIsPrivateToItsOwner(@TempDir Path parent) throws Exception {
        Path dir = parent.resolve("out");
        try (LeakMonitor monitor = LeakMonitor.start(config(dir))) {
            System.gc();
            Thread.sleep(2500);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).isNotEmpty().allSatisfy(file -> assertThat(PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(file))).isEqualTo("rw-------"));
        }
    }

    @Test
    void dumpWritesEvidenceThatTheOfflineAnalyzerReads(@TempDir Path dir) throws Exception {
        Path dumped = dir.resolve("dump.jfr");
        try (LeakMonitor monitor = LeakMonitor.start(config(dir))) {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            Thread.sleep(1500);
            assertThat(monitor.dump(dumped)).isEqualTo(dumped);
            assertThatThrownBy(() -> LeakMonitor.start(config(dir)).dump(dir.resolve("missing/dir/x.jfr")))
                    .isInstanceOf(java.io.IOException.class);
        }
        RecordingAnalysis offline = new RecordingAnalyzer().analyze(dumped);
        assertThat(offline.analysis().counts().collections()).isGreaterThanOrEqualTo(3);
        assertThat(offline.analysis().verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void anOutputDirectoryThatCannotBeCreatedFailsWithTheSettingToChange(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");

        assertThatThrownBy(() -> LeakMonitor.start(config(file.resolve("sub"))))
                .hasMessageContaining("cannot create its output directory").hasMessageContaining("leakwatch.dir");
        assertThat(leakwatchThreads()).isEmpty();
    }


    private static int runningRecordings() {
        return (int) FlightRecorder.getFlightRecorder().getRecordings().stream()
                .filter(r -> r.getState() == RecordingState.RUNNING).count();
    }
}
