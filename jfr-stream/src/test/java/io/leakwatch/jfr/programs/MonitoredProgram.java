package io.leakwatch.jfr.programs;

import io.leakwatch.core.Analysis;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.Verdict;
import io.leakwatch.jfr.LeakMonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one workload for a number of seconds under a {@link LeakMonitor} started from {@code leakwatch.*} system
 * properties, then prints what the monitor concluded, one {@code key=value} per line, for the test that started
 * this JVM: {@code verdict}, {@code verdicts} (every verdict it announced), {@code leakAfterSeconds},
 * {@code topType}, {@code topGrowingTypes}, {@code topFrame}, {@code topAccumulation}, {@code topChain}.
 *
 * <p>Usage: {@code MonitoredProgram <workload> <seconds> [until-leak]}; with {@code until-leak} the run ends a few
 * seconds after the first {@code LEAK} verdict instead of at its full length.
 */
public final class MonitoredProgram {
    private static final Map<String, Workload> WORKLOADS = Map.of(
            "static-map-leak", new StaticMapLeak(),
            "listener-leak", new ListenerLeak(),
            "small-object-leak", new SmallObjectLeak(),
            "lru-cache", new LruCache(),
            "batch-job", new BatchJob());

    private MonitoredProgram() {
    }

    public static void main(String[] args) throws Exception {
        Workload workload = WORKLOADS.get(args[0]);
        long seconds = Long.parseLong(args[1]);
        boolean untilLeak = args.length > 2 && args[2].equals("until-leak");
        long start = System.nanoTime();
        List<String> verdicts = new ArrayList<>();
        long[] leakAt = {-1};
        try (LeakMonitor monitor = LeakMonitor.start()) {
            monitor.addListener(analysis -> {
                synchronized (verdicts) {
                    verdicts.add(analysis.verdict().name());
                    if (analysis.verdict() == Verdict.LEAK && leakAt[0] < 0) {
                        leakAt[0] = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
                    }
                }
            });
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                workload.step();
                if (untilLeak && leakSeen(verdicts, leakAt, start)) {
                    break;
                }
            }
            Analysis analysis = monitor.snapshot();
            System.out.println("verdict=" + analysis.verdict());
            System.out.println("reason=" + analysis.reason());
            LeakCandidate top = analysis.topCandidate();
            if (top != null) {
                System.out.println("topType=" + top.objectType());
                System.out.println("topGrowingTypes=" + String.join(" ", top.growingTypes()));
                System.out.println("topFrame=" + top.firstApplicationFrame());
                System.out.println("topAccumulation=" + (top.accumulationPoint() == null ? ""
                        : top.accumulationPoint().describe()));
                System.out.println("topChain=" + top.referenceChain().stream().map(s -> s.describe())
                        .reduce((a, b) -> a + " <- " + b).orElse(""));
            }
        }
        synchronized (verdicts) {
            System.out.println("verdicts=" + String.join(" ", verdicts));
            System.out.println("leakAfterSeconds=" + leakAt[0]);
        }
    }

    /** Whether LEAK was announced at least three seconds ago, so that one more snapshot reached the files. */
    private static boolean leakSeen(List<String> verdicts, long[] leakAt, long start) {
        synchronized (verdicts) {
            return leakAt[0] >= 0 && TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) >= leakAt[0] + 3;
        }
    }

    /** One slice of a workload, a few milliseconds long. */
    interface Workload {
        void step() throws InterruptedException;
    }

    /**
     * Short-lived garbage that drives young collections, as request handling does. The arrays go through a small
     * ring so that they escape: the JIT removes allocations nothing can see (seen here after a few seconds).
     */
    static void churn(int kilobytes) {
        for (int i = 0; i < kilobytes / 8; i++) {
            RING[ringIndex++ & (RING.length - 1)] = new byte[8 * 1024];
        }
    }

    private static final Object[] RING = new Object[16];
    private static int ringIndex;
}
