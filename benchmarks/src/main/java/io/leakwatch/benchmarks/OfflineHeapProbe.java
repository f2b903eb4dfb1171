package io.leakwatch.benchmarks;

import io.leakwatch.jfr.RecordingAnalyzer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads one recording in a child JVM and reports the heap it took: {@code OfflineHeapProbe <leakwatch|jmc> FILE}.
 * Prints {@code result} ({@code ok} or the error's class), {@code peakHeap} (the most heap in use seen by sampling
 * every 5 ms: a lower bound of the true peak, garbage included) and {@code seconds}.
 */
public final class OfflineHeapProbe {
    private OfflineHeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        Path file = Path.of(args[1]);
        long start = System.nanoTime();
        String result = "ok";
        try {
            if (args[0].equals("jmc")) {
                OfflineSpeedBenchmark.jmcRules(file);
            } else {
                new RecordingAnalyzer().analyze(file);
            }
        } catch (OutOfMemoryError | Exception e) {
            result = e.getClass().getSimpleName();
        }
        long seconds = System.nanoTime() - start;
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        sampler.interrupt();
        System.out.println("result=" + result);
        System.out.println("peakHeap=" + peak.get());
        System.out.println("seconds=" + seconds / 1e9);
    }
}
