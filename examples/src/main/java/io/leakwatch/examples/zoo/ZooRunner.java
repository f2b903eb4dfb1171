package io.leakwatch.examples.zoo;

import io.leakwatch.core.Analysis;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.ReferenceStep;
import io.leakwatch.core.Verdict;
import io.leakwatch.jfr.LeakMonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one zoo scenario under a {@link LeakMonitor} started from {@code leakwatch.*} system properties, then prints
 * what the monitor concluded, one {@code key=value} per line: {@code scenario}, {@code truth} (the leaking class or
 * {@code none}), {@code verdict}, {@code reason}, {@code verdicts} (every verdict announced), {@code leakAfterSeconds}
 * and {@code noLeakAfterSeconds} (when each was first announced, -1 if never), {@code heapUsedAtLeak},
 * {@code liveSetAtLeak} (the live set the verdict saw then, bytes), {@code exhaustionAtLeakSeconds} (the time to
 * exhaustion it projected, -1 if none), {@code topType}, {@code topGrowingTypes}, {@code topFrame},
 * {@code topAccumulation}, {@code topChain}.
 *
 * <p>Usage: {@code ZooRunner <scenario> <seconds> [until-leak]}; with {@code until-leak} the run ends a few seconds
 * after the first {@code LEAK} instead of at its full length.
 */
public final class ZooRunner {
    private ZooRunner() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ZooRunner <scenario> <seconds> [until-leak]; scenarios: " + Zoo.names());
            System.exit(2);
        }
        long start = System.nanoTime();
        Scenario scenario = Zoo.create(args[0]);
        long end = start + TimeUnit.SECONDS.toNanos(Long.parseLong(args[1]));
        boolean untilLeak = args.length > 2 && args[2].equals("until-leak");
        List<String> verdicts = new ArrayList<>();
        long[] leakAt = {-1, 0, -1, -1};
        long[] noLeakAt = {-1};
        try (LeakMonitor monitor = LeakMonitor.start()) {
            monitor.addListener(analysis -> {
                synchronized (verdicts) {
                    verdicts.add(analysis.verdict().name());
                    if (analysis.verdict() == Verdict.LEAK && leakAt[0] < 0) {
                        leakAt[0] = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
                        leakAt[1] = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
                        leakAt[2] = analysis.liveSet().trend() == null ? -1
                                : (long) analysis.liveSet().trend().fittedLatestBytes();
                        leakAt[3] = analysis.projectedExhaustion() == null ? -1
                                : analysis.projectedExhaustion().toSeconds();
                    }
                    if (analysis.verdict() == Verdict.NO_LEAK && noLeakAt[0] < 0) {
                        noLeakAt[0] = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
                    }
                }
            });
            while (System.nanoTime() < end && !(untilLeak && leakAnnouncedSecondsAgo(verdicts, leakAt, start, 3))) {
                scenario.step();
            }
            print(args[0], scenario, monitor.snapshot());
        }
        synchronized (verdicts) {
            System.out.println("verdicts=" + String.join(" ", verdicts));
            System.out.println("leakAfterSeconds=" + leakAt[0]);
            System.out.println("noLeakAfterSeconds=" + noLeakAt[0]);
            System.out.println("heapUsedAtLeak=" + leakAt[1]);
            System.out.println("liveSetAtLeak=" + leakAt[2]);
            System.out.println("exhaustionAtLeakSeconds=" + leakAt[3]);
            System.out.println("maxHeap=" + Runtime.getRuntime().maxMemory());
        }
    }

    private static boolean leakAnnouncedSecondsAgo(List<String> verdicts, long[] leakAt, long start, long seconds) {
        synchronized (verdicts) {
            return leakAt[0] >= 0 && TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) >= leakAt[0] + seconds;
        }
    }

    private static void print(String name, Scenario scenario, Analysis analysis) {
        System.out.println("scenario=" + name);
        System.out.println("truth=" + (scenario.leakingClass() == null ? "none" : scenario.leakingClass()));
        System.out.println("verdict=" + analysis.verdict());
        System.out.println("reason=" + analysis.reason());
        LeakCandidate top = analysis.topCandidate();
        if (top != null) {
            System.out.println("topType=" + top.objectType());
            System.out.println("topGrowingTypes=" + String.join(" ", top.growingTypes()));
            System.out.println("topFrame=" + (top.firstApplicationFrame() == null ? "" : top.firstApplicationFrame()));
            System.out.println("topAccumulation=" + (top.accumulationPoint() == null ? ""
                    : top.accumulationPoint().describe()));
            System.out.println("topChain=" + String.join(" <- ", top.referenceChain().stream()
                    .map(ReferenceStep::describe).toList()));
        }
    }
}
