package io.leakwatch.benchmarks;

import java.util.Arrays;

/**
 * Entry point: {@code java -jar benchmarks/target/leakwatch-benchmarks.jar
 * detection|overhead|offline|soak|kind-cost|replay [options]}.
 * Each benchmark prints its table to standard output, with the machine and JDK it ran on.
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: detection [--defaults] [--seconds N] [--parallel N] [--collector G1GC]..."
                    + " [scenario...] | overhead [--rounds N] [--seconds N] [--jdk HOME]"
                    + " [--collector G1GC|ParallelGC|SerialGC|ZGC] [--workloads allocation,realistic,churn,servlet]"
                    + " [--configurations none,leakwatch,jfr-default,jfr-profile] [--agent JAR] | offline [--allocation-events]"
                    + " [--generate SECONDS] FILE|DIR... | soak [--minutes N] [--max-age D]"
                    + " | kind-cost [--rounds N] [--seconds N] | replay FILE...");
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        System.out.printf("# %s on %d cores, %d MB RAM visible to the JVM, Java %s%n", args[0],
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.version());
        try {
            switch (args[0]) {
                case "detection" -> DetectionBenchmark.run(rest);
                case "overhead" -> OverheadBenchmark.run(rest);
                case "offline" -> OfflineSpeedBenchmark.run(rest);
                case "soak" -> SoakBenchmark.run(rest);
                case "kind-cost" -> KindCostBenchmark.run(rest);
                case "replay" -> ReplayBenchmark.run(rest);
                default -> {
                    System.err.println("unknown benchmark: " + args[0]);
                    System.exit(2);
                }
            }
        } catch (IllegalArgumentException e) {
            // A scenario, collector or number the benchmark does not know: say which, without a stack trace.
            System.err.println(args[0] + ": " + e.getMessage());
            System.exit(2);
        }
    }
}
