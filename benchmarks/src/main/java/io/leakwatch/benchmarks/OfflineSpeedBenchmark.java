package io.leakwatch.benchmarks;

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
 * <p>{@code --generate N} first records N seconds of an allocation-heavy workload with JFR's profile settings, to
 * have a large recording to read.
 */
final class OfflineSpeedBenchmark {
    private OfflineSpeedBenchmark() {
    }

    static void run(String[] args) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--generate")) {
                files.add(generate(Long.parseLong(args[++i])));
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
            try {
                jmc = best(() -> jmcRules(file));
            } catch (Exception e) {
                jmc = Double.NaN;
            }
            double print = jfrPrint(file);
            System.out.printf(Locale.ROOT, "| %s | %.1f | %d | %.0f ms (%.0f k events/s, %.0f MB/s) | %.0f ms (%.0f MB/s)"
                            + " | %.1fx | %s | %s | %s |%n", file.getFileName(), megabytes, events, loop * 1000,
                    events / loop / 1000, megabytes / loop, analyzer * 1000, megabytes / analyzer, loop / analyzer,
                    Double.isNaN(jmc) ? "failed" : String.format(Locale.ROOT, "%.0f ms", jmc * 1000),
                    Double.isNaN(jmc) ? "-" : String.format(Locale.ROOT, "%.1fx", jmc / analyzer),
                    Double.isNaN(print) ? "n/a" : String.format(Locale.ROOT, "%.0f ms", print * 1000));
        }
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
    private static long jmcRules(Path file) throws Exception {
        IItemCollection items = JfrLoaderToolkit.loadEvents(file.toFile());
        Map<IRule, Future<IResult>> results = RulesToolkit.evaluateParallel(RuleRegistry.getRules(), items,
                IPreferenceValueProvider.DEFAULT_VALUES, 1);
        for (Future<IResult> result : results.values()) {
            result.get();
        }
        return results.size();
    }

    /** Records {@code seconds} of the realistic workload with JFR's profile settings. */
    private static Path generate(long seconds) throws Exception {
        Path work = Files.createTempDirectory("leakwatch-offline");
        Path recording = work.resolve("profile-" + seconds + "s.jfr");
        ChildRun.run(work, List.of("-Xmx512m", "-XX:StartFlightRecording=filename=" + recording + ",settings=profile"),
                OverheadWorkload.class.getName(), List.of("realistic", Long.toString(seconds)),
                java.time.Duration.ofSeconds(seconds + 120));
        return recording;
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
