package io.leakwatch.benchmarks;

import io.leakwatch.benchmarks.workload.OverheadWorkload;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Live overhead. Each workload runs in child JVMs of the chosen JDK and collector in each configuration: no
 * monitoring ({@code none}), the Leakwatch agent at its defaults ({@code leakwatch}) and, to tell what its heap
 * inspections cost from the rest of its work, with them off ({@code leakwatch-no-inspections}), another build's agent
 * at its defaults ({@code leakwatch-baseline}, {@code --baseline-agent JAR}: a change against the build before it,
 * side by side in the same rounds), plain JFR at its default
 * settings ({@code jfr-default}, {@code -XX:StartFlightRecording}), optionally at its profile settings
 * ({@code jfr-profile}) and, to tell what the monitor's footprint costs from what its work costs, no monitoring with
 * as much heap kept live as the monitor keeps ({@code ballast}, {@code --ballast MB}, default 9: what it retained
 * after two minutes of the churn workload, from a class histogram against an unmonitored run). Configurations
 * alternate within each round, in an order rotated from round to round, so that the machine's drift and the
 * position in a round hit every configuration alike (DESIGN.md fact 12: unmonitored runs alone vary by 20% here).
 * The table gives, per configuration, the median over the rounds of the throughput ratio to the unmonitored run of
 * the same round, the same for CPU time per operation (on a shared machine the steadier measure: another tenant's
 * load lowers throughput but adds no CPU time to our process), the
 * allocation stalls the collector logged ({@code -Xlog:gc*}; ZGC logs "Allocation Stall" when an allocating
 * thread waits for a collection), the heap left after a final full collection and its excess over the unmonitored
 * run of the same round (what the configuration itself retains), and the shallow size of Leakwatch's and JFR's own
 * objects from a class histogram.
 *
 * <p>The workloads ({@link OverheadWorkload}): {@code allocation} (an allocation storm), {@code realistic} (request
 * churn with a bounded cache), {@code churn} (allocation churn over a 60 MB retained set in a 256 MB heap, the
 * workload on which generational ZGC stalled under the old-object sampler, DESIGN.md fact 13), {@code servlet}
 * (embedded Tomcat serving a small dynamic page to one client thread on the loopback address, saturated). The
 * children's class path is {@code leakwatch-workloads.jar}, which holds the workloads and Tomcat and nothing of
 * Leakwatch: the monitor comes from the agent jar alone, as in production.
 *
 * <p>Options: {@code --rounds N} (default 10; a median of fewer is a smoke run, and the table says so),
 * {@code --seconds N} per run (default 20), {@code --warm-up N} seconds of each run not measured (default 5; 20 or
 * more leaves the start-up of JFR, the monitor and the JIT compilation of their code out), {@code --jdk JAVA_HOME}
 * (default: the JDK running the benchmark), {@code --collector G1GC|ParallelGC|SerialGC|ZGC} (default G1GC;
 * {@code -XX:+UseZGC} is generational ZGC on JDK 23 and later, non-generational on 17), {@code --workloads a,b,...}
 * (default all four), {@code --configurations a,b,...} (default {@code none,leakwatch,jfr-default}), {@code --agent
 * JAR} (default {@code jfr-stream/target/leakwatch-jfr-stream-*-agent.jar} beside this benchmark's jar),
 * {@code --baseline-agent JAR} (for {@code leakwatch-baseline}, no default), {@code --ballast MB} (default 9).
 */
final class OverheadBenchmark {
    private static final List<String> WORKLOADS = List.of("allocation", "realistic", "churn", "servlet");
    private static final List<String> CONFIGURATIONS = List.of("none", "leakwatch", "leakwatch-no-inspections",
            "leakwatch-baseline", "jfr-default", "jfr-profile", "ballast");
    private static final Map<String, String> COLLECTORS = Map.of("G1GC", "-XX:+UseG1GC",
            "ParallelGC", "-XX:+UseParallelGC", "SerialGC", "-XX:+UseSerialGC", "ZGC", "-XX:+UseZGC");
    private static final int MIN_ROUNDS_FOR_A_MEDIAN = 10;
    private static final double MB = 1024.0 * 1024.0;
    private static final Pattern STALL = Pattern.compile("Allocation Stall \\([^)]*\\) ([0-9.]+)ms");

    private OverheadBenchmark() {
    }

    /** The settings of one run of the benchmark, from its options. */
    private record Options(int rounds, long seconds, long warmUp, Path jdk, String collector, List<String> workloads,
                           List<String> configurations, Path agent, Path baselineAgent, long ballastMegabytes) {
    }

    static void run(String[] args) throws Exception {
        Options options = parse(args);
        Path work = Files.createTempDirectory("leakwatch-overhead");
        Path workloadsJar = besideThisJar("leakwatch-workloads.jar");
        System.out.printf("# JDK %s (%s), %s, %d rounds of %d s per workload and configuration, the first %d s not"
                        + " measured, agent %s%s%n", javaVersion(options.jdk()), options.jdk(),
                COLLECTORS.get(options.collector()), options.rounds(), options.seconds(), options.warmUp(),
                options.agent(), options.baselineAgent() == null ? "" : ", baseline agent " + options.baselineAgent());
        if (options.rounds() < MIN_ROUNDS_FOR_A_MEDIAN) {
            System.out.printf("# fewer than %d rounds: a smoke run, not a measurement%n", MIN_ROUNDS_FOR_A_MEDIAN);
        }
        System.out.println("| workload | configuration | median ops/s | ratio to none, median | min-max |"
                + " CPU per op, ratio to none | min-max | allocation stalls (time) | heap after GC | heap over none |"
                + " Leakwatch objects | JFR objects | threads (leakwatch-*) |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (String workload : options.workloads()) {
            Map<String, List<ChildRun>> runs = new LinkedHashMap<>();
            options.configurations().forEach(name -> runs.put(name, new ArrayList<>()));
            for (int round = 0; round < options.rounds(); round++) {
                List<String> order = rotated(options.configurations(), round);
                for (String configuration : order) {
                    ChildRun run = runOnce(options, workload, configuration, round, work, workloadsJar);
                    runs.get(configuration).add(run);
                }
            }
            printRows(workload, runs);
        }
        deleteTree(work);
    }

    private static ChildRun runOnce(Options options, String workload, String configuration, int round, Path work,
                                    Path workloadsJar) throws IOException, InterruptedException {
        Path dir = work.resolve(workload + "-" + configuration + "-" + round);
        Files.createDirectories(dir);
        List<String> jvm = new ArrayList<>(List.of(workload.equals("churn") ? "-Xmx256m" : "-Xmx512m",
                COLLECTORS.get(options.collector()), "-Xlog:gc*:file=" + dir.resolve("gc.log")));
        switch (configuration) {
            case "leakwatch" -> jvm.add("-javaagent:" + options.agent() + "=dir=" + dir.resolve("leakwatch"));
            case "leakwatch-no-inspections" -> jvm.add("-javaagent:" + options.agent() + "=dir="
                    + dir.resolve("leakwatch") + ",inspection=off");
            case "leakwatch-baseline" -> jvm.add("-javaagent:" + options.baselineAgent() + "=dir="
                    + dir.resolve("leakwatch"));
            case "jfr-default" -> jvm.add("-XX:StartFlightRecording=filename=" + dir.resolve("jfr.jfr")
                    + ",settings=default");
            case "jfr-profile" -> jvm.add("-XX:StartFlightRecording=filename=" + dir.resolve("jfr.jfr")
                    + ",settings=profile");
            case "ballast" -> jvm.add("-Doverhead.ballastMegabytes=" + options.ballastMegabytes());
            default -> { }
        }
        ChildRun run = ChildRun.run(dir, options.jdk(), workloadsJar.toString(), jvm,
                OverheadWorkload.class.getName(), List.of(workload, Long.toString(options.seconds()),
                        Long.toString(options.warmUp())),
                Duration.ofSeconds(options.seconds() + 120));
        double[] stalls = allocationStalls(dir.resolve("gc.log"));
        ChildRun result = run.with("allocationStalls", Long.toString((long) stalls[0]))
                .with("allocationStallMillis", Double.toString(stalls[1]));
        if (run.exitCode() != 0 || run.value("opsPerSecond").isEmpty()) {
            System.err.printf("%s / %s round %d failed (exit %d):%n%s%n", workload, configuration, round + 1,
                    run.exitCode(), tail(run.output(), 20));
        } else {
            System.err.printf(Locale.ROOT, "%s / %s round %d: %s ops/s, %.0f allocation stalls; ops/s by 10 s: %s%n",
                    workload, configuration, round + 1, run.value("opsPerSecond"), stalls[0],
                    run.value("throughputByTenSeconds"));
        }
        deleteTree(dir); // evidence and recordings of up to 64 MB each: keep the disk free for the next runs
        return result;
    }

    private static void printRows(String workload, Map<String, List<ChildRun>> runs) {
        List<ChildRun> none = runs.get("none");
        ChildRun any = runs.values().stream().flatMap(List::stream).filter(r -> !r.value("javaVersion").isEmpty())
                .findFirst().orElse(null);
        for (Map.Entry<String, List<ChildRun>> entry : runs.entrySet()) {
            List<ChildRun> own = entry.getValue();
            double[] ops = values(own, "opsPerSecond");
            double[] opsRatios = none == null ? new double[0] : ratios(ops, values(none, "opsPerSecond"));
            double[] cpuRatios = none == null ? new double[0]
                    : ratios(values(own, "cpuNanosPerOp"), values(none, "cpuNanosPerOp"));
            double[] heap = values(own, "heapAfterGc");
            double[] heapOver = none == null ? new double[0] : differences(heap, values(none, "heapAfterGc"));
            System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.3f | %.3f-%.3f | %.3f | %.3f-%.3f | %.0f (%.0f ms) |"
                            + " %.1f MB |"
                            + " %+.1f MB | %.2f MB | %.2f MB | %.0f (%.0f) |%n",
                    workload, entry.getKey(), median(ops), median(opsRatios), min(opsRatios), max(opsRatios),
                    median(cpuRatios), min(cpuRatios), max(cpuRatios), median(values(own, "allocationStalls")),
                    median(values(own, "allocationStallMillis")),
                    median(heap) / MB, median(heapOver) / MB, median(values(own, "leakwatchObjectBytes")) / MB,
                    median(values(own, "jfrObjectBytes")) / MB, median(values(own, "threads")),
                    max(values(own, "leakwatchThreads")));
        }
        if (none != null) {
            for (Map.Entry<String, List<ChildRun>> entry : runs.entrySet()) {
                System.out.printf("# %s / %s, throughput ratio to none by 10 s of the run, median over the rounds:"
                        + " %s%n", workload, entry.getKey(), windowRatios(entry.getValue(), none));
            }
        }
        if (any != null) {
            System.out.printf("# %s: Java %s, collectors %s%n", workload, any.value("javaVersion"),
                    any.value("collectors"));
        }
    }

    /** Per 10 s window of the runs, the median over the rounds of the window's ratio to the unmonitored run's. */
    private static String windowRatios(List<ChildRun> runs, List<ChildRun> none) {
        List<double[]> own = runs.stream().map(OverheadBenchmark::windows).toList();
        List<double[]> base = none.stream().map(OverheadBenchmark::windows).toList();
        int length = own.stream().mapToInt(w -> w.length).min().orElse(0);
        List<String> medians = new ArrayList<>();
        for (int window = 0; window < length; window++) {
            double[] ratios = new double[own.size()];
            for (int round = 0; round < own.size(); round++) {
                double[] b = base.get(round);
                ratios[round] = window < b.length ? own.get(round)[window] / b[window] : Double.NaN;
            }
            medians.add(String.format(Locale.ROOT, "%.3f", median(ratios)));
        }
        return String.join(" ", medians);
    }

    private static double[] windows(ChildRun run) {
        String value = run.value("throughputByTenSeconds");
        return value.isEmpty() ? new double[0] : Arrays.stream(value.split(",")).mapToDouble(Double::parseDouble)
                .toArray();
    }

    private static Options parse(String[] args) throws IOException, URISyntaxException {
        int rounds = MIN_ROUNDS_FOR_A_MEDIAN;
        long seconds = 20;
        long warmUp = 5;
        Path jdk = Path.of(System.getProperty("java.home"));
        String collector = "G1GC";
        List<String> workloads = WORKLOADS;
        List<String> configurations = List.of("none", "leakwatch", "jfr-default");
        Path agent = null;
        Path baselineAgent = null;
        long ballastMegabytes = 9;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--seconds" -> seconds = Long.parseLong(value);
                case "--warm-up" -> warmUp = Long.parseLong(value);
                case "--jdk" -> jdk = Path.of(value);
                case "--collector" -> collector = value;
                case "--workloads" -> workloads = List.of(value.split(","));
                case "--configurations" -> configurations = List.of(value.split(","));
                // Absolute: each child runs in a directory of its own.
                case "--agent" -> agent = Path.of(value).toAbsolutePath();
                case "--baseline-agent" -> baselineAgent = Path.of(value).toAbsolutePath();
                case "--ballast" -> ballastMegabytes = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (rounds < 1 || warmUp < 0 || seconds <= warmUp) {
            throw new IllegalArgumentException("--rounds must be at least 1 and --seconds more than --warm-up (the"
                    + " first " + warmUp + " s are not measured)");
        }
        if (!Files.isExecutable(jdk.resolve("bin").resolve("java"))) {
            throw new IllegalArgumentException("--jdk " + jdk + " has no bin/java; give a JDK's home directory");
        }
        if (!COLLECTORS.containsKey(collector)) {
            throw new IllegalArgumentException("--collector " + collector + ": expected one of "
                    + COLLECTORS.keySet().stream().sorted().toList());
        }
        requireKnown("--workloads", workloads, WORKLOADS);
        requireKnown("--configurations", configurations, CONFIGURATIONS);
        if (agent == null) {
            agent = defaultAgentJar();
        }
        if (!Files.isRegularFile(agent)) {
            throw new IllegalArgumentException("no agent jar at " + agent + "; build it with mvn package, or give"
                    + " --agent");
        }
        if (configurations.contains("leakwatch-baseline")
                && (baselineAgent == null || !Files.isRegularFile(baselineAgent))) {
            throw new IllegalArgumentException("leakwatch-baseline needs --baseline-agent JAR, the agent jar of the"
                    + " build to compare with" + (baselineAgent == null ? "" : "; there is none at " + baselineAgent));
        }
        if (ballastMegabytes < 0) {
            throw new IllegalArgumentException("--ballast " + ballastMegabytes + ": give megabytes, 0 or more");
        }
        return new Options(rounds, seconds, warmUp, jdk, collector, workloads, configurations, agent, baselineAgent,
                ballastMegabytes);
    }

    private static void requireKnown(String option, List<String> given, List<String> known) {
        for (String name : given) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException(option + ": unknown " + name + "; expected some of " + known);
            }
        }
    }

    /** benchmarks/target/X, found from where this class was loaded. */
    private static Path besideThisJar(String name) throws URISyntaxException {
        Path self = Path.of(OverheadBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path file = self.getParent().resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no " + file + "; build it with mvn package");
        }
        return file;
    }

    private static Path defaultAgentJar() throws IOException, URISyntaxException {
        Path self = Path.of(OverheadBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path target = self.getParent().resolve("..").resolve("..").resolve("jfr-stream").resolve("target")
                .normalize();
        if (!Files.isDirectory(target)) {
            throw new IllegalArgumentException("no " + target + "; build the project with mvn package, or give"
                    + " --agent");
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-agent.jar")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no agent jar in " + target
                            + "; build it with mvn package, or give --agent"));
        }
    }

    private static String javaVersion(Path jdk) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(jdk.resolve("bin").resolve("java").toString(), "-version")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output.lines().skip(1).findFirst().orElse("?").trim();
    }

    /** The configurations in the order of one round: rotated by the round, so no one always runs first. */
    static List<String> rotated(List<String> configurations, int round) {
        List<String> order = new ArrayList<>(configurations);
        java.util.Collections.rotate(order, -(round % order.size()));
        return order;
    }

    /**
     * The allocation stalls of a GC log and their total time in ms: ZGC writes one line per stall, {@code
     * [info][gc] Allocation Stall (main) 7.187ms}; its statistics rows ("Allocation Stalls: 0 1 0 0") and the cause
     * of a collection ("Minor Collection (Allocation Stall)") are not stalls. Other collectors write none.
     */
    static double[] allocationStalls(Path gcLog) throws IOException {
        double[] stalls = new double[2];
        if (!Files.exists(gcLog)) {
            return stalls;
        }
        try (Stream<String> lines = Files.lines(gcLog, StandardCharsets.UTF_8)) {
            lines.map(STALL::matcher).filter(Matcher::find).forEach(stall -> {
                stalls[0]++;
                stalls[1] += Double.parseDouble(stall.group(1));
            });
        }
        return stalls;
    }

    private static String tail(String output, int lines) {
        List<String> all = output.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static double[] values(List<ChildRun> runs, String key) {
        return runs.stream().mapToDouble(run -> run.value(key).isEmpty() ? Double.NaN
                : Double.parseDouble(run.value(key))).toArray();
    }

    /** Each round's value over the unmonitored run's value of the same round. */
    private static double[] ratios(double[] values, double[] none) {
        double[] ratios = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            ratios[i] = values[i] / none[i];
        }
        return ratios;
    }

    private static double[] differences(double[] values, double[] none) {
        double[] differences = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            differences[i] = values[i] - none[i];
        }
        return differences;
    }

    /** Failed runs (NaN) are left out of every statistic. */
    private static double[] measured(double[] values) {
        return Arrays.stream(values).filter(value -> !Double.isNaN(value)).toArray();
    }

    private static double min(double[] values) {
        return Arrays.stream(measured(values)).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(measured(values)).max().orElse(Double.NaN);
    }

    static double median(double[] values) {
        double[] sorted = measured(values);
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
