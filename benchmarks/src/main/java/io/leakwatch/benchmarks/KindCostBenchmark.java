package io.leakwatch.benchmarks;

import io.leakwatch.core.Analyzer;
import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.jfr.internal.AnalyzerFeed;
import io.leakwatch.jfr.internal.EventHandlers;
import jdk.jfr.Recording;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cost of the events of the kinds outside the heap, on the workloads they fire on: {@code classes} (a class defined
 * by a new loader and dropped, so loaders are also unloaded) and {@code threads} (a thread started and joined). Four
 * configurations, each a recording in this JVM: {@code none}; {@code heap-events}, the monitor's events before the
 * kinds (its handlers' settings without the kinds' events); {@code all-events}, the monitor's recording as it is
 * now; {@code with-stacks}, that plus what {@code KindProbes} adds while a kind is suspected ({@code jdk.ClassDefine}
 * and {@code jdk.ThreadStart} with stack traces). Each round runs every configuration once per workload, in an
 * order rotated from round to round, after one warm-up round; the table gives the median of each round's ratio of
 * operations per second to {@code none} of the same round. Options: {@code --rounds N} (default 8), {@code --seconds
 * N} per run (default 3).
 */
final class KindCostBenchmark {
    /** The kinds' events in the monitor's own recording. */
    private static final List<String> KIND_EVENTS = List.of("jdk.MetaspaceSummary", "jdk.UnsignedLongFlag",
            "jdk.ClassLoadingStatistics", "jdk.ClassDefine", "jdk.ClassUnload", "jdk.JavaThreadStatistics", "jdk.ThreadStart",
            "jdk.ThreadEnd", "jdk.DirectBufferStatistics", "jdk.NativeMemoryUsage");
    private static final List<String> CONFIGURATIONS = List.of("none", "heap-events", "all-events", "with-stacks");
    private static final List<String> WORKLOADS = List.of("classes", "threads");
    private static byte[] pluginBytes;

    private KindCostBenchmark() {
    }

    static void run(String[] args) throws Exception {
        int rounds = 8;
        int seconds = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; kind-cost takes --rounds N and --seconds N");
            }
        }
        try (InputStream in = KindCostBenchmark.class.getResourceAsStream("KindCostBenchmark$Plugin.class")) {
            pluginBytes = in.readAllBytes();
        }
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        for (int round = -1; round < rounds; round++) {
            for (String workload : WORKLOADS) {
                Map<String, Double> rate = new LinkedHashMap<>();
                for (int k = 0; k < CONFIGURATIONS.size(); k++) {
                    String configuration = CONFIGURATIONS.get(Math.floorMod(k + round, CONFIGURATIONS.size()));
                    try (Recording recording = recording(configuration)) {
                        if (recording != null) {
                            recording.start();
                        }
                        rate.put(configuration, operationsPerSecond(workload, seconds));
                    }
                    System.gc();
                }
                if (round < 0) {
                    continue; // warm-up: the JIT and JFR's own start-up
                }
                for (String configuration : CONFIGURATIONS) {
                    String key = workload + " | " + configuration;
                    ratios.computeIfAbsent(key, x -> new ArrayList<>()).add(rate.get(configuration) / rate.get("none"));
                    rates.computeIfAbsent(key, x -> new ArrayList<>()).add(rate.get(configuration));
                }
            }
        }
        System.out.printf("# %d rounds of %d s per configuration and workload%n", rounds, seconds);
        System.out.println("| workload | configuration | median ops/s | median ratio to none | min-max ratio |");
        System.out.println("| --- | --- | --- | --- | --- |");
        for (Map.Entry<String, List<Double>> entry : ratios.entrySet()) {
            List<Double> values = new ArrayList<>(entry.getValue());
            Collections.sort(values);
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.3f | %.3f-%.3f |%n", entry.getKey(),
                    median(rates.get(entry.getKey())), median(values), values.get(0), values.get(values.size() - 1));
        }
    }

    private static Recording recording(String configuration) {
        if (configuration.equals("none")) {
            return null;
        }
        Recording recording = new Recording();
        EventHandlers.forMonitor(new AnalyzerFeed(new Analyzer(AnalyzerConfig.defaults())), Runnable::run)
                .enableOn(recording);
        if (configuration.equals("heap-events")) {
            KIND_EVENTS.forEach(recording::disable);
        }
        if (configuration.equals("with-stacks")) {
            recording.enable("jdk.ClassDefine").withStackTrace();
            recording.enable("jdk.ThreadStart").withStackTrace();
        }
        return recording;
    }

    private static double operationsPerSecond(String workload, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        long operations = 0;
        while (System.nanoTime() < end) {
            if (workload.equals("classes")) {
                defineInNewLoader();
            } else {
                Thread thread = new Thread(() -> { }, "cost-" + operations);
                thread.start();
                thread.join();
            }
            operations++;
        }
        return operations / ((System.nanoTime() - start) / 1e9);
    }

    private static void defineInNewLoader() {
        try {
            new PluginLoader().loadClass(Plugin.class.getName());
        } catch (ClassNotFoundException e) {
            throw new UncheckedIOException(new IOException("cannot define the plugin", e));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** Defines {@link Plugin} itself, from its bytes. */
    private static final class PluginLoader extends ClassLoader {
        PluginLoader() {
            super(KindCostBenchmark.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(Plugin.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : defineClass(name, pluginBytes, 0, pluginBytes.length);
            }
        }
    }

    /** The class each new loader defines. */
    public static final class Plugin {
        @Override
        public String toString() {
            return "plugin";
        }
    }
}
