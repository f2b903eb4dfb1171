package io.leakwatch.benchmarks;

import io.leakwatch.benchmarks.workload.OverheadWorkload;
import io.leakwatch.jfr.RecordingAnalysis;
import io.leakwatch.jfr.RecordingAnalyzer;
import jdk.jfr.consumer.RecordingFile;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.RuleRegistry;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Offline reading speed on the given recordings: {@code RecordingAnalyzer} (which parses only the event types the
 * analysis uses) against a bare {@code RecordingFile} loop over every event of the same file, JMC 9.1.2's parser
 * with its automated-analysis rules, and {@code jfr print --json} of the same JDK writing to a discarded stream,
 * measured side by side; best of three for the in-process readers (the first run warms the JIT).
 *
 * <p>{@code --generate N} first records N seconds of request churn with JFR's profile settings, to have a large
 * recording to read; with {@code --allocation-events} the recording also holds every TLAB and outside-TLAB
 * allocation event with its stack trace, and the child uses small fixed TLABs, which makes the recording about 20
 * times larger per second (hundreds of MB in a minute).
 *
 * <p>Then each file is read once more in a child JVM with {@code -Xmx256m}, by {@code RecordingAnalyzer} and by
 * JMC, to show the heap each needs; and all files are read again one after another and then all at once, one
 * analyzer per thread, to show how reading scales across cores.
 */
final class OfflineSpeedBenchmark {
    private OfflineSpeedBenchmark() {
    }

    static void run(String[] args) throws Exception {
        List<Path> files = new ArrayList<>();
        boolean allocationEvents = List.of(args).contains("--allocation-events");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--allocation-events")) {
                continue;
            }
            if (args[i].equals("--generate")) {
                files.add(generate(Long.parseLong(args[++i]), allocationEvents));
                continue;
            }
            Path path = Path.of(args[i]);
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(p -> p.toString().endsWith(".jfr")).sorted().forEach(files::add);
                }
            } else {
                files.add(path);
            }
        }
        List<Path> readable = new ArrayList<>();
        System.out.println("| file | MB | events | RecordingFile loop | RecordingAnalyzer | speed-up |"
                + " JMC parser + rules | vs JMC | jfr print --json |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (Path file : files) {
            double megabytes = Files.size(file) / 1e6;
            long events;
            try {
                events = countEvents(file);
            } catch (IOException e) {
                System.out.printf("| %s | %.1f | unreadable: %s | | | | |%n", file.getFileName(), megabytes,
                        e.getMessage());
                continue;
            }
            readable.add(file);
            double loop = best(() -> countEvents(file));
            double analyzer = best(() -> {
                try {
                    RecordingAnalysis ignored = new RecordingAnalyzer().analyze(file);
                    return ignored.files().size();
                } catch (IOException e) {
                    return 0;
                }
            });
            double jmc;
            String jmcFailure = "failed";
            try {
                jmc = best(() -> jmcRules(file));
            } catch (Exception e) {
                jmc = Double.NaN;
            } catch (OutOfMemoryError e) {
                // JMC builds its whole item model in memory; the model is dropped here, so the run can go on.
                jmc = Double.NaN;
                jmcFailure = String.format(Locale.ROOT, "OutOfMemoryError at -Xmx%dm",
                        Runtime.getRuntime().maxMemory() >> 20);
            }
            double print = jfrPrint(file);
            System.out.printf(Locale.ROOT, "| %s | %.1f | %d | %.0f ms (%.0f k events/s, %.0f MB/s) | %.0f ms (%.0f MB/s)"
                            + " | %.1fx | %s | %s | %s |%n", file.getFileName(), megabytes, events, loop * 1000,
                    events / loop / 1000, megabytes / loop, analyzer * 1000, megabytes / analyzer, loop / analyzer,
                    Double.isNaN(jmc) ? jmcFailure : String.format(Locale.ROOT, "%.0f ms", jmc * 1000),
                    Double.isNaN(jmc) ? "-" : String.format(Locale.ROOT, "%.1fx", jmc / analyzer),
                    Double.isNaN(print) ? "n/a" : String.format(Locale.ROOT, "%.0f ms", print * 1000));
        }
        heapTable(readable);
        parallelTable(readable);
    }

    /** Each file read in a child JVM with -Xmx256m, by RecordingAnalyzer and by JMC's parser and rules. */
    private static void heapTable(List<Path> files) throws Exception {
        System.out.println();
        System.out.println("| file | MB | RecordingAnalyzer, -Xmx256m | peak heap | JMC parser + rules, -Xmx256m"
                + " | peak heap |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        Path work = Files.createTempDirectory("leakwatch-heap");
        for (Path file : files) {
            ChildRun ours = probe(work, "leakwatch", file);
            ChildRun jmc = probe(work, "jmc", file);
            System.out.printf(Locale.ROOT, "| %s | %.1f | %s | %s | %s | %s |%n", file.getFileName(),
                    Files.size(file) / 1e6, outcome(ours), megabytes(ours), outcome(jmc), megabytes(jmc));
        }
    }

    private static ChildRun probe(Path work, String reader, Path file) throws Exception {
        return ChildRun.run(work, List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"),
                OfflineHeapProbe.class.getName(), List.of(reader, file.toAbsolutePath().toString()),
                java.time.Duration.ofMinutes(10));
    }

    private static String outcome(ChildRun run) {
        if (run.output().contains("Terminating due to java.lang.OutOfMemoryError")) {
            return "OutOfMemoryError";
        }
        if (run.exitCode() != 0 || run.value("result").isEmpty()) {
            return "failed (exit " + run.exitCode() + ")";
        }
        String result = run.value("result");
        return result.equals("ok")
                ? String.format(Locale.ROOT, "%.2f s", Double.parseDouble(run.value("seconds")))
                : result;
    }

    private static String megabytes(ChildRun run) {
        String peak = run.value("peakHeap");
        return peak.isEmpty() ? "-" : String.format(Locale.ROOT, "%.0f MB", Long.parseLong(peak) / 1e6);
    }

    /** All files one after another, then all at once on one thread each; best of three of each. */
    private static void parallelTable(List<Path> files) throws Exception {
        if (files.size() < 2) {
            return;
        }
        double megabytes = 0;
        for (Path file : files) {
            megabytes += Files.size(file) / 1e6;
        }
        double sequential = best(() -> {
            for (Path file : files) {
                new RecordingAnalyzer().analyze(file);
            }
            return files.size();
        });
        double parallel = best(() -> {
            List<Thread> threads = new ArrayList<>();
            for (Path file : files) {
                Thread thread = new Thread(() -> {
                    try {
                        new RecordingAnalyzer().analyze(file);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            return files.size();
        });
        System.out.println();
        System.out.println("| files | MB | one after another | all at once, a thread each | speed-up |");
        System.out.println("| --- | --- | --- | --- | --- |");
        System.out.printf(Locale.ROOT, "| %d | %.1f | %.0f ms (%.0f MB/s) | %.0f ms (%.0f MB/s) | %.2fx |%n",
                files.size(), megabytes, sequential * 1000, megabytes / sequential, parallel * 1000,
                megabytes / parallel, sequential / parallel);
    }

    private static long countEvents(Path file) throws IOException {
        long count = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                recording.readEvent();
                count++;
            }
        }
        return count;
    }

    interface Work {
        long run() throws Exception;
    }

    /** Best wall time of three runs, in seconds. */
    private static double best(Work work) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    /** JMC's parser, then every rule of its automated analysis, one thread (as our reader uses one). */
    static long jmcRules(Path file) throws Exception {
        IItemCollection items = JfrLoaderToolkit.loadEvents(file.toFile());
        Map<IRule, Future<IResult>> results = RulesToolkit.evaluateParallel(RuleRegistry.getRules(), items,
                IPreferenceValueProvider.DEFAULT_VALUES, 1);
        for (Future<IResult> result : results.values()) {
            result.get(10, TimeUnit.MINUTES);
        }
        return results.size();
    }

    /** Records {@code seconds} of the realistic workload with JFR's profile settings. */
    private static Path generate(long seconds, boolean allocationEvents) throws Exception {
        Path work = Files.createTempDirectory("leakwatch-offline");
        Path recording = work.resolve("profile-" + seconds + "s" + (allocationEvents ? "-allocations" : "") + ".jfr");
        String settings = "profile";
        if (allocationEvents) {
            Path profile = Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc");
            Path heavy = work.resolve("profile-with-allocations.jfc");
            Files.writeString(heavy, withAllocationEvents(Files.readString(profile)));
            settings = heavy.toString();
        }
        List<String> options = new ArrayList<>(List.of("-Xmx512m", "-XX:StartFlightRecording=filename=" + recording
                + ",settings=" + settings));
        if (allocationEvents) {
            // Fixed small TLABs make the per-TLAB events frequent (about 7 MB of recording per second here), as in
            // a busy service with many allocating threads; with adaptive TLABs one thread gives 0.4 MB/s.
            options.addAll(List.of("-XX:TLABSize=4k", "-XX:-ResizeTLAB"));
        }
        ChildRun.run(work, options,
                OverheadWorkload.class.getName(), List.of("realistic", Long.toString(seconds)),
                java.time.Duration.ofSeconds(seconds + 120));
        return recording;
    }

    /** Turns on the two per-TLAB allocation events, which JFR's own settings files leave off. */
    private static String withAllocationEvents(String settings) {
        String result = settings;
        for (String event : List.of("jdk.ObjectAllocationInNewTLAB", "jdk.ObjectAllocationOutsideTLAB")) {
            result = result.replaceAll("(?s)(<event name=\"" + event.replace(".", "\\.")
                    + "\">\\s*<setting name=\"enabled\"[^>]*>)false<", "$1true<");
        }
        return result;
    }

    private static double jfrPrint(Path file) throws Exception {
        Path jfr = Path.of(System.getProperty("java.home"), "bin", "jfr");
        if (!Files.isExecutable(jfr)) {
            return Double.NaN;
        }
        long start = System.nanoTime();
        Process process = new ProcessBuilder(jfr.toString(), "print", "--json", file.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return Double.NaN;
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
