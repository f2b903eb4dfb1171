package io.leakwatch.benchmarks;

import io.leakwatch.examples.zoo.Zoo;
import io.leakwatch.examples.zoo.ZooRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Detection quality: every zoo scenario in a child JVM ({@code -Xmx256m}) under G1, Parallel, Serial and ZGC, with
 * a live monitor. Prints, per run, the verdict, seconds from start (the leak starts with the program) to
 * {@code LEAK}, the share of the maximum heap in use by then, and whether the top candidate names the true class;
 * then recall and the false-{@code LEAK} count.
 *
 * <p>Options: {@code --defaults} runs the monitor with its production defaults (30 s warm-up, 15 s inspections)
 * instead of the short test settings; {@code --seconds N} caps each run (default 90, or 180 with defaults);
 * {@code --parallel N} runs N children at a time (default 2); {@code --collector G1GC} (repeatable) restricts the
 * collectors; scenario names restrict the set.
 */
final class DetectionBenchmark {
    private static final List<String> COLLECTORS = List.of("-XX:+UseG1GC", "-XX:+UseParallelGC",
            "-XX:+UseSerialGC", "-XX:+UseZGC");
    private static final List<String> FAST = List.of("-Dleakwatch.warmUp=5s", "-Dleakwatch.minObservation=15s",
            "-Dleakwatch.snapshotInterval=3s", "-Dleakwatch.inspectionInterval=3s", "-Dleakwatch.chainInterval=10s",
            "-Dleakwatch.pauseBudget=0.05");

    private DetectionBenchmark() {
    }

    static void run(String[] args) throws Exception {
        boolean defaults = false;
        long seconds = -1;
        int parallel = 2;
        List<String> scenarios = new ArrayList<>();
        List<String> collectors = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--defaults" -> defaults = true;
                case "--seconds" -> seconds = Long.parseLong(args[++i]);
                case "--parallel" -> parallel = Integer.parseInt(args[++i]);
                case "--collector" -> collectors.add("-XX:+Use" + args[++i]);
                default -> scenarios.add(args[i]);
            }
        }
        if (scenarios.isEmpty()) {
            Zoo.names().forEach(scenarios::add);
        }
        if (collectors.isEmpty()) {
            collectors.addAll(COLLECTORS);
        }
        long cap = seconds > 0 ? seconds : defaults ? 180 : 90;
        Path work = Files.createTempDirectory("leakwatch-detection");
        System.out.printf("# monitor settings: %s; each run at most %d s%n", defaults ? "defaults" : "short (tests)",
                cap);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<String[]>> rows = new ArrayList<>();
        for (String scenario : scenarios) {
            for (String collector : collectors) {
                List<String> options = new ArrayList<>(List.of("-Xmx256m", collector,
                        "-Dleakwatch.dir=" + work.resolve(scenario + collector).resolve("leakwatch")));
                if (!defaults) {
                    options.addAll(FAST);
                }
                rows.add(pool.submit(() -> row(work.resolve(scenario + collector), options, scenario, collector,
                        cap)));
            }
        }
        System.out.println("| scenario | collector | truth | verdict | s to LEAK | heap used at LEAK | top names truth |"
                + " top candidate |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        int leaks = 0;
        int found = 0;
        int named = 0;
        int healthy = 0;
        int falseLeaks = 0;
        for (Future<String[]> future : rows) {
            String[] row = future.get();
            System.out.println("| " + String.join(" | ", row) + " |");
            boolean isLeak = !row[2].equals("none");
            boolean saidLeak = row[3].equals("LEAK") || !row[4].equals("-");
            if (isLeak) {
                leaks++;
                found += saidLeak ? 1 : 0;
                named += row[6].equals("yes") ? 1 : 0;
            } else {
                healthy++;
                falseLeaks += saidLeak ? 1 : 0;
            }
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "%nrecall %d/%d (%.0f%%); top candidate names the truth in %d/%d; false LEAK"
                + " %d of %d healthy runs%n", found, leaks, 100.0 * found / Math.max(1, leaks), named, leaks,
                falseLeaks, healthy);
    }

    private static String[] row(Path work, List<String> options, String scenario, String collector, long cap)
            throws Exception {
        ChildRun run = ChildRun.run(work, options, ZooRunner.class.getName(), List.of(scenario, Long.toString(cap),
                "until-leak"), Duration.ofSeconds(cap + 90));
        String truth = run.value("truth");
        boolean everLeak = List.of(run.value("verdicts").split(" ")).contains("LEAK");
        String leakAfter = run.value("leakAfterSeconds");
        String heapShare = "-";
        if (everLeak && !run.value("maxHeap").isEmpty()) {
            heapShare = String.format(Locale.ROOT, "%.0f%%", 100.0 * Long.parseLong(run.value("heapUsedAtLeak"))
                    / Long.parseLong(run.value("maxHeap")));
        }
        String names = truth.equals("none") || truth.isEmpty() ? "-" : (run.value("topType") + " "
                + run.value("topGrowingTypes") + " " + run.value("topFrame")).contains(truth) ? "yes" : "no";
        String top = run.value("topType").replaceFirst("^io\\.leakwatch\\.examples\\.zoo\\.", "");
        return new String[]{scenario, collector.replace("-XX:+Use", ""), truth.isEmpty() ? "?" : truth,
                run.exitCode() == 0 ? run.value("verdict") : "exit " + run.exitCode(),
                everLeak ? leakAfter : "-", heapShare, names, top.isEmpty() ? "-" : top};
    }
}
