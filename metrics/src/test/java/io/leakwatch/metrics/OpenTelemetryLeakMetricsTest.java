package io.leakwatch.metrics;

import io.leakwatch.core.Analysis;
import io.leakwatch.core.Verdict;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class OpenTelemetryLeakMetricsTest {
    private static Analysis leak;
    private final AtomicReference<Analysis> latest = new AtomicReference<>(Analyses.nothing());
    private final InMemoryMetricReader reader = InMemoryMetricReader.create();
    private final SdkMeterProvider provider = SdkMeterProvider.builder().registerMetricReader(reader).build();
    private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder().setMeterProvider(provider).build();

    @BeforeAll
    static void analyse() {
        leak = Analyses.leak();
        assertThat(leak.verdict()).as(leak.reason()).isEqualTo(Verdict.LEAK);
    }

    @AfterEach
    void shutDown() {
        provider.close();
    }

    private Map<String, MetricData> collect() {
        return reader.collectAllMetrics().stream().collect(Collectors.toMap(MetricData::getName,
                Function.identity()));
    }

    /** The value of the point with {@code key=value}, or of the only point when {@code key} is null. */
    private static double value(MetricData metric, String key, String value) {
        Collection<? extends PointData> points = metric.getData().getPoints();
        PointData point = points.stream().filter(p -> key == null
                || value.equals(p.getAttributes().get(AttributeKey.stringKey(key)))).findFirst().orElseThrow();
        if (point instanceof io.opentelemetry.sdk.metrics.data.LongPointData longPoint) {
            return longPoint.getValue();
        }
        return ((io.opentelemetry.sdk.metrics.data.DoublePointData) point).getValue();
    }

    @Test
    void eachInstrumentHasItsConventionalNameUnitAndKind() {
        OpenTelemetryLeakMetrics.create(openTelemetry, latest::get);
        latest.set(leak);

        Map<String, MetricData> metrics = collect();
        assertThat(metrics.keySet()).containsExactlyInAnyOrder("leakwatch.verdict", "leakwatch.heap.live_set.size",
                "leakwatch.heap.live_set.growth_rate", "leakwatch.heap.time_to_exhaustion",
                "leakwatch.candidate.count", "leakwatch.gc.collections");
        // An annotation, not "1": the Prometheus exporter would add "_ratio" to a unit of 1, and a verdict is no ratio.
        assertThat(metrics.get("leakwatch.verdict").getUnit()).isEqualTo("{verdict}");
        assertThat(metrics.get("leakwatch.verdict").getType()).isEqualTo(MetricDataType.LONG_GAUGE);
        assertThat(metrics.get("leakwatch.heap.live_set.size").getUnit()).isEqualTo("By");
        assertThat(metrics.get("leakwatch.heap.live_set.size").getType()).isEqualTo(MetricDataType.LONG_SUM);
        assertThat(metrics.get("leakwatch.heap.live_set.size").getLongSumData().isMonotonic()).isFalse();
        assertThat(metrics.get("leakwatch.heap.live_set.growth_rate").getUnit()).isEqualTo("By/s");
        assertThat(metrics.get("leakwatch.heap.time_to_exhaustion").getUnit()).isEqualTo("s");
        assertThat(metrics.get("leakwatch.candidate.count").getUnit()).isEqualTo("{candidate}");
        assertThat(metrics.get("leakwatch.gc.collections").getUnit()).isEqualTo("{collection}");
        assertThat(metrics.get("leakwatch.gc.collections").getLongSumData().isMonotonic()).isTrue();
        assertThat(metrics.values()).allSatisfy(metric -> assertThat(metric.getInstrumentationScopeInfo().getName())
                .isEqualTo(OpenTelemetryLeakMetrics.SCOPE));
    }

    @Test
    void theValuesAreTheLatestAnalysisAtEachCollection() {
        OpenTelemetryLeakMetrics.create(openTelemetry, latest::get);

        Map<String, MetricData> before = collect();
        assertThat(value(before.get("leakwatch.verdict"), "leakwatch.verdict", "inconclusive")).isEqualTo(1);
        // Nothing measured yet: no point rather than a made-up zero.
        assertThat(before).doesNotContainKeys("leakwatch.heap.live_set.size", "leakwatch.heap.time_to_exhaustion");

        latest.set(leak);
        Map<String, MetricData> after = collect();

        assertThat(value(after.get("leakwatch.verdict"), "leakwatch.verdict", "leak")).isEqualTo(1);
        assertThat(value(after.get("leakwatch.verdict"), "leakwatch.verdict", "inconclusive")).isZero();
        assertThat(value(after.get("leakwatch.verdict"), "leakwatch.verdict", "no_leak")).isZero();
        assertThat(value(after.get("leakwatch.heap.live_set.size"), null, null)).isEqualTo(
                leak.liveSet().points().get(leak.liveSet().points().size() - 1).bytes());
        assertThat(value(after.get("leakwatch.heap.live_set.growth_rate"), null, null))
                .isCloseTo(200_000, offset(20_000.0));
        assertThat(value(after.get("leakwatch.heap.time_to_exhaustion"), null, null))
                .isEqualTo(leak.projectedExhaustion().toNanos() / 1e9);
        assertThat(value(after.get("leakwatch.candidate.count"), "leakwatch.candidate.status", "confirmed"))
                .isEqualTo(1);
        assertThat(value(after.get("leakwatch.gc.collections"), "leakwatch.gc.kind", "full")).isEqualTo(30);
        assertThat(value(after.get("leakwatch.gc.collections"), "leakwatch.gc.kind", "young")).isEqualTo(60);
        // Fixed series: 3 verdicts, 2 statuses, 5 kinds.
        assertThat(after.get("leakwatch.verdict").getData().getPoints()).hasSize(3);
        assertThat(after.get("leakwatch.gc.collections").getData().getPoints()).hasSize(5);
    }

    @Test
    void closeRemovesTheInstrumentsCallback() {
        OpenTelemetryLeakMetrics metrics = OpenTelemetryLeakMetrics.create(openTelemetry, latest::get);
        assertThat(collect()).isNotEmpty();

        metrics.close();

        assertThat(reader.collectAllMetrics()).isEmpty();
    }
}
