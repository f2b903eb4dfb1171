package io.leakwatch.examples;

import io.leakwatch.core.Analysis;
import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.Verdict;
import io.leakwatch.jfr.InspectionMode;
import io.leakwatch.jfr.LeakMonitor;
import io.leakwatch.jfr.RecordingAnalysis;
import io.leakwatch.jfr.RecordingAnalyzer;
import io.leakwatch.reports.HtmlReport;
import io.leakwatch.reports.TextReport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The demo: a small quote service with a leak, watched by {@link LeakMonitor}. Each request replaces the
 * dashboard's view with a new one, but the old view stays alive through the price callback it registered, which
 * captured it. The monitor finds it, the demo prints the candidate, then writes an HTML report from the monitor's
 * own recording and ends. Settings are short so that it takes about a minute; a service would keep the defaults.
 */
public final class Demo {
    private static final Duration LIMIT = Duration.ofMinutes(3);

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args.length > 0 ? args[0] : "leakwatch").toAbsolutePath();
        AnalyzerConfig analysis = AnalyzerConfig.builder().warmUp(Duration.ofSeconds(10))
                .minObservation(Duration.ofSeconds(20)).build();
        CountDownLatch leakFound = new CountDownLatch(1);
        QuoteService service = new QuoteService();
        System.out.println("Quote service running; Leakwatch is watching (evidence in " + output + ") ...");

        Analysis result;
        try (LeakMonitor monitor = LeakMonitor.builder().outputDirectory(output)
                .snapshotInterval(Duration.ofSeconds(4)).inspectionMode(InspectionMode.ON_SUSPICION)
                .inspectionInterval(Duration.ofSeconds(4)).chainInterval(Duration.ofSeconds(15)).pauseBudget(0.05)
                .analyzer(analysis).start()) {
            monitor.addListener(update -> {
                if (update.verdict() == Verdict.LEAK) {
                    leakFound.countDown();
                }
            });
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (leakFound.getCount() > 0 && System.nanoTime() < deadline) {
                service.handleRequest();
            }
            // Until the monitor knows who holds the leak (its reference chain), at most 20 s, then one more snapshot
            // so that the evidence file holds the samples behind the verdict.
            long chainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (leakFound.getCount() == 0 && !hasChain(monitor.snapshot()) && System.nanoTime() < chainDeadline) {
                service.handleRequest();
            }
            for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5); System.nanoTime() < end; ) {
                service.handleRequest();
            }
            result = monitor.snapshot();
        }
        print(result);

        RecordingAnalysis offline = new RecordingAnalyzer(analysis).analyze(output);
        Path report = output.resolve("report.html");
        Files.writeString(report, HtmlReport.render(offline.analysis(), offline.files(), "Leakwatch demo: quote"
                + " service"));
        System.out.println();
        System.out.println("Evidence: " + output.resolve("analysis.json") + " and the .jfr recording beside it");
        System.out.println("Report:   " + report + "  (offline analysis of the recording: "
                + offline.analysis().verdict() + ")");
        System.exit(result.verdict() == Verdict.LEAK ? 0 : 1);
    }

    private static boolean hasChain(Analysis analysis) {
        return analysis.topCandidate() != null && !analysis.topCandidate().referenceChain().isEmpty();
    }

    private static void print(Analysis analysis) {
        System.out.println();
        System.out.println("Leakwatch verdict: " + analysis.verdict());
        System.out.println("  " + analysis.reason());
        LeakCandidate top = analysis.topCandidate();
        if (analysis.verdict() != Verdict.LEAK || top == null) {
            System.out.println("  " + analysis.nextStep());
            return;
        }
        System.out.print(TextReport.renderCandidate(top));
    }

    /** The service under watch. */
    static final class QuoteService {
        private final PriceFeed feed = new PriceFeed();
        private final List<Object> inFlight = new ArrayList<>();
        private Dashboard dashboard = new Dashboard();

        void handleRequest() throws InterruptedException {
            // The bug: the new view replaces the old one, but the old one's callback stays subscribed.
            Dashboard next = new Dashboard();
            feed.subscribe(next::onPrice);
            dashboard = next;
            dashboard.onPrice(100);
            // Request handling: short-lived data.
            for (int i = 0; i < 50; i++) {
                inFlight.add(new byte[8 * 1024]);
            }
            inFlight.clear();
            Thread.sleep(10);
        }
    }

    static final class PriceFeed {
        private final List<Consumer<Double>> subscribers = new ArrayList<>();

        void subscribe(Consumer<Double> subscriber) {
            subscribers.add(subscriber);
        }
    }

    static final class Dashboard {
        private final double[] series = new double[200];

        void onPrice(double price) {
            series[0] = price;
        }
    }
}
