package io.leakwatch.benchmarks;

import io.leakwatch.core.Analysis;
import io.leakwatch.core.Analyzer;
import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.core.Finding;
import io.leakwatch.jfr.internal.AnalyzerFeed;
import io.leakwatch.jfr.internal.EventHandlers;
import jdk.jfr.consumer.EventStream;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Replays a recording as the live monitor reads its stream: the events go through the monitor's own handlers into
 * the analyzer at the production defaults, and the analysis is taken at every flush of the file. Prints a line
 * whenever the verdict, its findings or whether growth is suspected change, and every {@value #EVERY_SECONDS} s
 * otherwise: seconds since the first analysis, verdict, rule ids, whether growth is suspected and the projected
 * exhaustion (which together say how soon the live monitor wants its next heap inspection), reason. Used to see
 * when, and by which rule, the engine decides on the events of a benchmark run, and to compare engines on the same
 * events (what the live probes would then have done differently is not replayed).
 *
 * <p>Usage: {@code replay FILE...}.
 */
final class ReplayBenchmark {
    private static final long EVERY_SECONDS = 10;

    private ReplayBenchmark() {
    }

    static void run(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: replay FILE...");
            System.exit(2);
        }
        for (String file : args) {
            System.out.println("## " + file);
            replay(Path.of(file));
        }
    }

    private static void replay(Path file) throws IOException {
        AnalyzerFeed feed = new AnalyzerFeed(new Analyzer(AnalyzerConfig.defaults()));
        EventHandlers handlers = new EventHandlers(feed, false);
        Instant[] first = {null};
        String[] printed = {""};
        long[] printedAt = {Long.MIN_VALUE};
        try (EventStream stream = EventStream.openFile(file)) {
            handlers.registerOn(stream);
            stream.onFlush(() -> {
                feed.flush();
                Analysis analysis = feed.analyzer().analysis();
                if (analysis.to() == null) {
                    return;
                }
                if (first[0] == null) {
                    first[0] = analysis.to();
                }
                long seconds = Duration.between(first[0], analysis.to()).toSeconds();
                List<String> rules = analysis.findings().stream().map(finding -> finding.rule().id()).toList();
                String state = analysis.verdict() + " " + rules + (analysis.growthSuspected() ? " suspected" : "");
                if (!state.equals(printed[0]) || seconds - printedAt[0] >= EVERY_SECONDS) {
                    printed[0] = state;
                    printedAt[0] = seconds;
                    String exhaustion = analysis.projectedExhaustion() == null ? ""
                            : " (exhaustion in " + analysis.projectedExhaustion().toSeconds() + " s)";
                    System.out.printf(Locale.ROOT, "%5d s  %s%s  %s%n", seconds, state, exhaustion,
                            analysis.reason());
                }
            });
            stream.start();
        }
    }
}
