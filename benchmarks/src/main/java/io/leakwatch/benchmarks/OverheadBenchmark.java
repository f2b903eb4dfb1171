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
 * configuration's median throughput ratio to the unmonitored runs of the same rounds, and the median ratio of the
 * CPU time the whole process spent per operation. On a shared machine the second is the steadier measure of cost:
 * another tenant's load lowers throughput but does not add CPU time to our process.
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
                + " CPU per op, ratio to none | min-max | threads | heap after GC |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (String workload : List.of("allocation", "realistic")) {
            Map<String, double[]> ops = new LinkedHashMap<>();
            Map<String, double[]> cpu = new LinkedHashMap<>();
            Map<String, String> threads = new LinkedHashMap<>();
            Map<String, String> heap = new LinkedHashMap<>();
            configurations.keySet().forEach(name -> ops.put(name, new double[0]));
            configurations.keySet().forEach(name -> cpu.put(name, new double[0]));
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
                    append(ops, configuration.getKey(), run.value("opsPerSecond"));
                    append(cpu, configuration.getKey(), run.value("cpuNanosPerOp"));
                    threads.put(configuration.getKey(), run.value("threads"));
                    heap.put(configuration.getKey(), run.value("heapAfterGc"));
                }
            }
            for (String name : configurations.keySet()) {
                double[] ratios = ratios(ops.get(name), ops.get("none"));
                double[] cpuRatios = ratios(cpu.get(name), cpu.get("none"));
                System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.3f | %.3f-%.3f | %.3f | %.3f-%.3f | %s | %s MB |%n",
                        workload, name, median(ops.get(name)), median(ratios), min(ratios), max(ratios),
                        median(cpuRatios), min(cpuRatios), max(cpuRatios), threads.get(name),
                        heap.get(name).isEmpty() ? "?" : Long.parseLong(heap.get(name)) >> 20);
            }
        }
    }

    private static void append(Map<String, double[]> series, String name, String value) {
        double[] previous = series.get(name);
        double[] next = Arrays.copyOf(previous, previous.length + 1);
        next[previous.length] = value.isEmpty() ? Double.NaN : Double.parseDouble(value);
        series.put(name, next);
    }

    /** Each round's value over the unmonitored run's value of the same round. */
    private static double[] ratios(double[] values, double[] none) {
        double[] ratios = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            ratios[i] = values[i] / none[i];
        }
        return ratios;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
