package io.leakwatch.jfr;

import io.leakwatch.core.AnalyzerConfig;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.leakwatch.jfr.TestMonitors.leakwatchThreads;
import static org.assertj.core.api.Assertions.assertThat;

/** The monitor's two threads, whatever it does, and its own recording, whatever other recordings do. */
class MonitorThreadsAndRecordingTest {
    private static final Set<String> OWN_THREADS = Set.of("leakwatch-stream", "leakwatch-worker");

    /**
     * Every kind of work at once: snapshots every second, heap inspections from the first second in periodic mode,
     * a listener, a dump from the test's thread. The threads seen at any moment are the two, and none after close.
     */
    @ParameterizedTest
    @EnumSource(InspectionMode.class)
    void atMostTwoThreadsOfItsOwnInEveryModeAndNoneAfterClose(InspectionMode mode, @TempDir Path dir)
            throws Exception {
        LeakMonitorConfig config = LeakMonitorConfig.builder().outputDirectory(dir)
                .snapshotInterval(Duration.ofSeconds(1)).inspectionMode(mode).inspectionInterval(Duration.ofSeconds(1))
                .pauseBudget(0.5).analyzer(AnalyzerConfig.builder().warmUp(Duration.ofSeconds(1)).build()).build();
        Set<String> seen = new TreeSet<>();
        int most = 0;
        try (LeakMonitor monitor = LeakMonitor.start(config)) {
            monitor.addListener(analysis -> seen.addAll(leakwatchThreads()));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
            while (System.nanoTime() < end) {
                List<String> now = leakwatchThreads();
                seen.addAll(now);
                most = Math.max(most, now.size());
                if (now.size() > 2) {
                    break;
                }
                System.gc();
                Thread.sleep(100);
            }
            monitor.dump(dir.resolve("dump.jfr"));
            seen.addAll(leakwatchThreads());
        }
        assertThat(most).isLessThanOrEqualTo(2);
        assertThat(seen).isSubsetOf(OWN_THREADS);
        assertThat(leakwatchThreads()).isEmpty();
    }

    /**
     * Recordings started by other threads while the monitor starts (as an application's own profiling might) are
     * never taken for the monitor's: the monitor gives only its own recording a destination at exit, and closing the
     * monitor leaves all the others running.
     */
    @Test
    void recordingsStartedAtTheSameMomentAreNeverTakenForTheMonitors(@TempDir Path dir) throws Exception {
        ExecutorService others = Executors.newFixedThreadPool(4);
        List<Recording> started = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean go = new AtomicBoolean(true);
        CountDownLatch running = new CountDownLatch(4);
        List<Future<?>> loops = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            loops.add(others.submit(() -> {
                running.countDown();
                for (int j = 0; j < 20 && go.get(); j++) {
                    Recording other = new Recording();
                    other.enable("jdk.GarbageCollection");
                    other.start();
                    started.add(other);
                }
                return null;
            }));
        }
        running.await();
        try (LeakMonitor monitor = LeakMonitor.start(TestMonitors.config(dir))) {
            assertThat(monitor.isActive()).isTrue();
            go.set(false);
            for (Future<?> loop : loops) {
                loop.get();
            }
            List<Recording> withDestination = FlightRecorder.getFlightRecorder().getRecordings().stream()
                    .filter(recording -> recording.getDestination() != null).toList();
            assertThat(withDestination).singleElement().satisfies(own -> {
                assertThat(own.getName()).isEqualTo("leakwatch");
                assertThat(own.getDestination().getFileName().toString()).endsWith(".exit.tmp");
                assertThat(started).doesNotContain(own);
            });
        } finally {
            others.shutdown();
        }
        assertThat(started).isNotEmpty().allSatisfy(other -> {
            assertThat(other.getState()).isEqualTo(RecordingState.RUNNING);
            assertThat(other.getDestination()).isNull();
            other.close();
        });
    }

    /**
     * A listener that blocks is interrupted once it has run past its deadline, and the worker goes back to its
     * snapshots: the evidence file is rewritten after the interrupt.
     */
    @Test
    void aBlockingListenerIsInterruptedAfterItsDeadlineAndSnapshotsGoOn(@TempDir Path dir) throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean blockOnce = new AtomicBoolean(true);
        try (LeakMonitor monitor = LeakMonitor.start(TestMonitors.config(dir))) {
            monitor.addListener(analysis -> {
                if (!blockOnce.getAndSet(false)) {
                    return;
                }
                try {
                    never.await();
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
            });
            System.gc();
            assertThat(interrupted.await(30, TimeUnit.SECONDS)).as("listener interrupted").isTrue();
            long interruptedAtMillis = System.currentTimeMillis();
            Path evidence = monitor.evidenceFile();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            FileTime written = Files.exists(evidence) ? Files.getLastModifiedTime(evidence) : FileTime.fromMillis(0);
            while (written.toMillis() <= interruptedAtMillis && System.nanoTime() < deadline) {
                Thread.sleep(200);
                written = Files.exists(evidence) ? Files.getLastModifiedTime(evidence) : written;
            }
            assertThat(written.toMillis()).as("evidence rewritten after the interrupt").isGreaterThan(interruptedAtMillis);
        }
        assertThat(leakwatchThreads()).isEmpty();
    }
}
