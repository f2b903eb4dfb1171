package io.leakwatch.jfr;

import io.leakwatch.core.Analysis;
import io.leakwatch.core.Analyzer;
import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.core.KindReport;
import io.leakwatch.core.LeakKind;
import io.leakwatch.core.SeriesPoint;
import io.leakwatch.jfr.internal.AnalyzerFeed;
import io.leakwatch.jfr.internal.EventHandlers;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kinds' handlers read real events of this JDK: a recording with the monitor's own settings, in which threads
 * are started and stay alive, direct buffers are kept and plugin classes are defined by new loaders, has each kind's
 * series and a start stack for the threads.
 */
class KindEventsTest {
    @Test
    void theMonitorsSettingsRecordEveryKindsSeries(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kinds.jfr");
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<ByteBuffer> buffers = new ArrayList<>();
        List<Object> plugins = new ArrayList<>();
        byte[] bytes;
        try (InputStream in = KindEventsTest.class.getResourceAsStream("KindEventsTest$Plugin.class")) {
            bytes = in.readAllBytes();
        }
        try (Recording recording = new Recording()) {
            EventHandlers.forMonitor(new AnalyzerFeed(new Analyzer(AnalyzerConfig.defaults())), Runnable::run)
                    .enableOn(recording);
            recording.enable("jdk.ThreadStart").withStackTrace();
            recording.enable("jdk.ClassDefine").withStackTrace();
            recording.start();
            for (int i = 0; i < 12; i++) {
                Thread thread = new Thread(() -> await(release), "parked-" + i);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
                buffers.add(ByteBuffer.allocateDirect(64 * 1024));
                plugins.add(new PluginLoader(bytes).loadClass(Plugin.class.getName()));
                Thread.sleep(250);
                if (i % 4 == 3) {
                    System.gc();
                }
            }
            recording.stop();
            recording.dump(file);
        } finally {
            release.countDown();
        }

        RecordingAnalysis read = new RecordingAnalyzer(AnalyzerConfig.builder().warmUp(Duration.ZERO).build())
                .analyze(file);
        Analysis analysis = read.analysis();

        KindReport threadCount = analysis.kind(LeakKind.THREADS, "threads").orElseThrow();
        assertThat(threadCount.recorded()).isTrue();
        assertThat(threadCount.points()).extracting(SeriesPoint::value).isNotEmpty()
                .allSatisfy(count -> assertThat(count).isPositive());
        KindReport direct = analysis.kind(LeakKind.DIRECT_MEMORY, "direct memory").orElseThrow();
        assertThat(direct.recorded()).isTrue();
        assertThat(direct.maxValue()).isPositive();
        assertThat(direct.samples()).extracting(SeriesPoint::value).isNotEmpty()
                .allSatisfy(used -> assertThat(used).isPositive());
        KindReport metaspace = analysis.kind(LeakKind.CLASS_METADATA, "metaspace").orElseThrow();
        assertThat(metaspace.recorded()).isTrue();
        assertThat(metaspace.points()).as("metaspace after System.gc(), which unloads classes").isNotEmpty();
        boolean nativeEvents = Runtime.version().feature() >= 20 && ManagementFactory.getRuntimeMXBean()
                .getInputArguments().stream().anyMatch(a -> a.startsWith("-XX:NativeMemoryTracking"));
        assertThat(analysis.kinds().stream().filter(k -> k.kind() == LeakKind.NATIVE_MEMORY)
                .anyMatch(KindReport::recorded)).isEqualTo(nativeEvents);
        threads.forEach(Thread::interrupt);
        buffers.clear();
        plugins.clear();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Defines {@link Plugin} itself, from its bytes. */
    private static final class PluginLoader extends ClassLoader {
        private final byte[] bytes;

        PluginLoader(byte[] bytes) {
            super(KindEventsTest.class.getClassLoader());
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(Plugin.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : defineClass(name, bytes, 0, bytes.length);
            }
        }
    }

    /** The class each loader defines. */
    public static final class Plugin {
    }
}
