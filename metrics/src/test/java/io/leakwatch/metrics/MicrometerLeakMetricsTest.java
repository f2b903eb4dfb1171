package io.leakwatch.metrics;

import io.leakwatch.core.Analysis;
import io.leakwatch.core.Verdict;
import io.leakwatch.jfr.LeakMonitor;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class MicrometerLeakMetricsTest {
    private static Analysis leak;
    private final AtomicReference<Analysis> latest = new AtomicReference<>(Analyses.nothing());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeAll
    static void analyse() {
        leak = Analyses.leak();
        assertThat(leak.verdict()).as(leak.reason()).isEqualTo(Verdict.LEAK);
    }

    private double gauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    @Test
    void everyMeterReadsTheLatestAnalysisAtEachScrape() {
        new MicrometerLeakMetrics(latest::get).bindTo(registry);

        assertThat(gauge("leakwatch.verdict", "verdict", "inconclusive")).isEqualTo(1);
        assertThat(gauge("leakwatch.verdict", "verdict", "leak")).isZero();
        assertThat(gauge("leakwatch.heap.live.set.size")).isNaN();
        assertThat(gauge("leakwatch.heap.time.to.exhaustion")).isNaN();
        assertThat(gauge("leakwatch.candidates", "status", "confirmed")).isZero();

        latest.set(leak);

        assertThat(gauge("leakwatch.verdict", "verdict", "leak")).isEqualTo(1);
        assertThat(gauge("leakwatch.verdict", "verdict", "inconclusive")).isZero();
        assertThat(gauge("leakwatch.verdict", "verdict", "no_leak")).isZero();
        assertThat(gauge("leakwatch.heap.live.set.size")).isEqualTo(
                leak.liveSet().points().get(leak.liveSet().points().size() - 1).bytes());
        // 4 MB per 20 s.
        assertThat(gauge("leakwatch.heap.live.set.growth")).isCloseTo(200_000, offset(20_000.0));
        assertThat(gauge("leakwatch.heap.time.to.exhaustion"))
                .isEqualTo(leak.projectedExhaustion().toNanos() / 1e9).isPositive();
        assertThat(gauge("leakwatch.candidates", "status", "confirmed")).isEqualTo(1);
        assertThat(registry.get("leakwatch.gc.collections").tags("kind", "full").functionCounter().count())
                .isEqualTo(30);
        assertThat(registry.get("leakwatch.gc.collections").tags("kind", "young").functionCounter().count())
                .isEqualTo(60);
    }

    @Test
    void unitsAreBaseUnitsAndTagsTakeOnlyTheirFixedValues() {
        new MicrometerLeakMetrics(latest::get).bindTo(registry);
        latest.set(leak);

        assertThat(registry.get("leakwatch.heap.live.set.size").gauge().getId().getBaseUnit()).isEqualTo("bytes");
        assertThat(registry.get("leakwatch.heap.live.set.growth").gauge().getId().getBaseUnit())
                .isEqualTo("bytes.per.second");
        assertThat(registry.get("leakwatch.heap.time.to.exhaustion").gauge().getId().getBaseUnit())
                .isEqualTo("seconds");
        // 3 verdicts + size, growth, exhaustion + 2 statuses + 5 kinds, whatever the analysis says.
        assertThat(registry.getMeters()).hasSize(13);
        assertThat(registry.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getName())
                .startsWith("leakwatch."));
    }

    @Test
    void theMetersOutliveTheBinderAndTheMethodReferenceTheyWereGiven() {
        // Micrometer holds a gauge's object weakly unless told otherwise; nobody else holds this supplier.
        new MicrometerLeakMetrics(latest::get).bindTo(registry);
        latest.set(leak);
        for (int i = 0; i < 3; i++) {
            System.gc();
        }

        assertThat(gauge("leakwatch.verdict", "verdict", "leak")).isEqualTo(1);
        assertThat(registry.get("leakwatch.gc.collections").tags("kind", "full").functionCounter().count())
                .isEqualTo(30);
    }

    @Test
    void prometheusShowsTheNamesTheReadmesAlertUses() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new MicrometerLeakMetrics(latest::get).bindTo(prometheus);
        latest.set(leak);

        assertThat(prometheus.scrape()).contains("leakwatch_verdict{verdict=\"leak\"} 1",
                "leakwatch_verdict{verdict=\"no_leak\"} 0", "leakwatch_heap_live_set_size_bytes ",
                "leakwatch_heap_live_set_growth_bytes_per_second ", "leakwatch_heap_time_to_exhaustion_seconds ",
                "leakwatch_candidates{status=\"confirmed\"} 1", "leakwatch_gc_collections_total{kind=\"full\"} 30");
    }

    @Test
    void aRunningMonitorIsReadWhereItStands(@TempDir Path dir) throws Exception {
        LeakMonitor monitor = LeakMonitor.builder().outputDirectory(dir).start();
        try {
            new MicrometerLeakMetrics(monitor::snapshot).bindTo(registry);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            double collections = 0;
            while (collections == 0 && System.nanoTime() < deadline) {
                System.gc();
                Thread.sleep(200);
                collections = registry.find("leakwatch.gc.collections").functionCounters().stream()
                        .mapToDouble(FunctionCounter::count).sum();
            }

            assertThat(collections).isPositive();
            // One verdict at a time; seconds after the start it is never LEAK in this JVM.
            assertThat(registry.find("leakwatch.verdict").gauges().stream().mapToDouble(Gauge::value).sum())
                    .isEqualTo(1);
            assertThat(gauge("leakwatch.verdict", "verdict", "leak")).isZero();
            // What leakwatch watch <pid> reads through the Attach API.
            assertThat(System.getProperty(LeakMonitor.OUTPUT_DIRECTORY_PROPERTY))
                    .isEqualTo(dir.toAbsolutePath().toString());
        } finally {
            monitor.close();
        }
        assertThat(System.getProperty(LeakMonitor.OUTPUT_DIRECTORY_PROPERTY)).isNull();
    }
}
