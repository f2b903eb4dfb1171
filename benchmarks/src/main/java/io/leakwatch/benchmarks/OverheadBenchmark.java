package io.leakwatch.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Live overhead: two workloads (an allocation storm, and request churn with some retention), each run in child JVMs
 * with no monitoring, with {@code LeakMonitor} at its defaults, with {@code -XX:StartFlightRecording} at JFR's default
 * settings and at its profile settings. Runs are alternated round by round so that the machine's drift hits every
 * configuration alike (DESIGN.md fact 12: unmonitored runs alone vary by 20% here); the table gives each
 * configuration's median throughput ratio to the unmonitored runs of the same rounds.
 *
 * <p>Options: {@code --rounds N} (default 5), {@code --seconds N} per run (default 20, the first 5 not measured).
 */
final class OverheadBenchmark {
    private OverheadBenchmark() {
    }

    static void run(String[] args) throws Exception {
        int rounds = 5;
        long seconds = 20;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path work = Files.createTempDirectory("leakwatch-overhead");
        Map<String, List<String>> configurations = new LinkedHashMap<>();
        configurations.put("none", List.of());
        configurations.put("leakwatch", List.of("-Dleakwatch.dir=" + work.resolve("lw")));
        configurations.put("jfr-default", List.of("-XX:StartFlightRecording=filename=" + work.resolve("d.jfr")
                + ",settings=default"));
        configurations.put("jfr-profile", List.of("-XX:StartFlightRecording=filename=" + work.resolve("p.jfr")
                + ",settings=profile"));
        System.out.printf("# %d rounds of %d s per configuration and workload, -Xmx512m, G1%n", rounds, seconds);
        System.out.println("| workload | configuration | median ops/s | median ratio to none | min-max ratio |"
                + " threads | heap after GC |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        for (String workload : List.of("allocation", "realistic")) {
            Map<String, double[]> ops = new LinkedHashMap<>();
            Map<String, String> threads = new LinkedHashMap<>();
            Map<String, String> heap = new LinkedHashMap<>();
            configurations.keySet().forEach(name -> ops.put(name, new double[0]));
            for (int round = 0; round < rounds; round++) {
                for (Map.Entry<String, List<String>> configuration : configurations.entrySet()) {
                    List<String> options = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseG1GC"));
                    options.addAll(configuration.getValue());
                    List<String> arguments = new ArrayList<>(List.of(workload, Long.toString(seconds)));
                    if (configuration.getKey().equals("leakwatch")) {
                        arguments.add("monitor");
                    }
                    ChildRun run = ChildRun.run(work.resolve(configuration.getKey()), options,
                            OverheadWorkload.class.getName(), arguments, Duration.ofSeconds(seconds + 60));
                    double value = run.value("opsPerSecond").isEmpty() ? Double.NaN
                            : Double.parseDouble(run.value("opsPerSecond"));
                    double[] previous = ops.get(configuration.getKey());
                    double[] next = Arrays.copyOf(previous, previous.length + 1);
                    next[previous.length] = value;
                    ops.put(configuration.getKey(), next);
                    threads.put(configuration.getKey(), run.value("threads"));
                    heap.put(configuration.getKey(), run.value("heapAfterGc"));
                }
            }
            double[] none = ops.get("none");
            for (String name : configurations.keySet()) {
                double[] values = ops.get(name);
                double[] ratios = new double[values.length];
                for (int i = 0; i < values.length; i++) {
                    ratios[i] = values[i] / none[i];
                }
                System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.3f | %.3f-%.3f | %s | %s MB |%n", workload, name,
                        median(values), median(ratios), Arrays.stream(ratios).min().orElse(Double.NaN),
                        Arrays.stream(ratios).max().orElse(Double.NaN), threads.get(name),
                        heap.get(name).isEmpty() ? "?" : Long.parseLong(heap.get(name)) >> 20);
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
