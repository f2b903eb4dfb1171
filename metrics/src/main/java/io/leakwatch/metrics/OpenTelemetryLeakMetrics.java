package io.leakwatch.metrics;

import io.leakwatch.core.Analysis;
import io.leakwatch.core.GcKind;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.Verdict;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.BatchCallback;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The leak monitor's state as OpenTelemetry instruments, observed in one batch callback that reads the monitor's
 * latest {@link Analysis} once per collection: no thread of its own, a fixed set of series, attributes made once.
 * Names and units follow the semantic conventions' style under the {@code leakwatch.} namespace ({@code jvm.*} is
 * the JVM's own); {@link #close()} unregisters the callback.
 *
 * <pre>{@code
 * LeakMonitor monitor = LeakMonitor.start();
 * OpenTelemetryLeakMetrics metrics = OpenTelemetryLeakMetrics.create(openTelemetry, monitor::snapshot);
 * ...
 * metrics.close();
 * }</pre>
 *
 * <table>
 * <caption>Instruments</caption>
 * <tr><th>name</th><th>instrument</th><th>unit</th><th>attributes</th><th>value</th></tr>
 * <tr><td>{@code leakwatch.verdict}</td><td>gauge</td><td>{@code {verdict}}</td><td>{@code leakwatch.verdict}:
 *     {@code leak}, {@code no_leak}, {@code inconclusive}</td><td>1 for the current verdict, 0 for the others</td>
 *     </tr>
 * <tr><td>{@code leakwatch.heap.live_set.size}</td><td>up-down counter</td><td>{@code By}</td><td></td><td>the latest
 *     live-set measurement (compare {@code jvm.memory.used_after_last_gc}); no point before the first</td></tr>
 * <tr><td>{@code leakwatch.heap.live_set.growth_rate}</td><td>gauge</td><td>{@code By/s}</td><td></td><td>the
 *     live-set trend's slope; no point without a trend</td></tr>
 * <tr><td>{@code leakwatch.heap.time_to_exhaustion}</td><td>gauge</td><td>{@code s}</td><td></td><td>until the heap
 *     would be exhausted at the rate it grows now; no point when it does not grow</td></tr>
 * <tr><td>{@code leakwatch.candidate.count}</td><td>up-down counter</td><td>{@code {candidate}}</td><td>{@code
 *     leakwatch.candidate.status}: {@code confirmed}, {@code suspected}</td><td>leak candidates of that status</td>
 *     </tr>
 * <tr><td>{@code leakwatch.gc.collections}</td><td>counter</td><td>{@code {collection}}</td><td>{@code
 *     leakwatch.gc.kind}: {@code young}, {@code mixed}, {@code old}, {@code full}, {@code concurrent_cycle}</td><td>
 *     collections of that kind since the monitor started (compare {@code jvm.gc.duration}'s count)</td></tr>
 * </table>
 */
public final class OpenTelemetryLeakMetrics implements AutoCloseable {
    /** The instrumentation scope of the instruments. */
    public static final String SCOPE = "io.leakwatch";

    private static final AttributeKey<String> VERDICT = AttributeKey.stringKey("leakwatch.verdict");
    private static final AttributeKey<String> STATUS = AttributeKey.stringKey("leakwatch.candidate.status");
    private static final AttributeKey<String> KIND = AttributeKey.stringKey("leakwatch.gc.kind");

    private final BatchCallback callback;

    private OpenTelemetryLeakMetrics(BatchCallback callback) {
        this.callback = callback;
    }

    /**
     * Registers the instruments with a meter of {@code openTelemetry}'s ({@value #SCOPE}).
     *
     * @param analysis the latest analysis, read once per collection: {@code monitor::snapshot}
     */
    public static OpenTelemetryLeakMetrics create(OpenTelemetry openTelemetry, Supplier<Analysis> analysis) {
        Objects.requireNonNull(openTelemetry, "openTelemetry");
        return create(openTelemetry.getMeter(SCOPE), analysis);
    }

    /**
     * Registers the instruments with {@code meter}.
     *
     * @param analysis the latest analysis, read once per collection: {@code monitor::snapshot}
     */
    public static OpenTelemetryLeakMetrics create(Meter meter, Supplier<Analysis> analysis) {
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(analysis, "analysis");
        ObservableLongMeasurement verdict = meter.gaugeBuilder("leakwatch.verdict").ofLongs().setUnit("{verdict}")
                .setDescription("1 for the leak monitor's current verdict, 0 for the others").buildObserver();
        ObservableLongMeasurement liveSet = meter.upDownCounterBuilder("leakwatch.heap.live_set.size").setUnit("By")
                .setDescription("The latest live-set measurement: heap after a collection that frees the old"
                        + " generation, or a heap inspection").buildObserver();
        ObservableDoubleMeasurement growth = meter.gaugeBuilder("leakwatch.heap.live_set.growth_rate")
                .setUnit("By/s").setDescription("The live-set trend's slope (Theil-Sen)").buildObserver();
        ObservableDoubleMeasurement exhaustion = meter.gaugeBuilder("leakwatch.heap.time_to_exhaustion")
                .setUnit("s").setDescription("Time until the heap is exhausted at the rate the live set grows now")
                .buildObserver();
        ObservableLongMeasurement candidates = meter.upDownCounterBuilder("leakwatch.candidate.count")
                .setUnit("{candidate}").setDescription("Leak candidates by status").buildObserver();
        ObservableLongMeasurement collections = meter.counterBuilder("leakwatch.gc.collections")
                .setUnit("{collection}").setDescription("Collections by kind since the leak monitor started")
                .buildObserver();

        Verdict[] verdicts = Verdict.values();
        LeakCandidate.Status[] statuses = LeakCandidate.Status.values();
        GcKind[] kinds = GcKind.values();
        Attributes[] verdictAttributes = attributes(verdicts, VERDICT);
        Attributes[] statusAttributes = attributes(statuses, STATUS);
        Attributes[] kindAttributes = attributes(kinds, KIND);
        // Indexed loops over arrays made here: a collection allocates nothing but what the SDK records.
        BatchCallback callback = meter.batchCallback(() -> {
            Analysis latest = analysis.get();
            for (int i = 0; i < verdicts.length; i++) {
                verdict.record(Readings.is(latest, verdicts[i]), verdictAttributes[i]);
            }
            double bytes = Readings.liveSetBytes(latest);
            if (!Double.isNaN(bytes)) {
                liveSet.record((long) bytes);
            }
            double slope = Readings.growthBytesPerSecond(latest);
            if (!Double.isNaN(slope)) {
                growth.record(slope);
            }
            double seconds = Readings.secondsToExhaustion(latest);
            if (!Double.isNaN(seconds)) {
                exhaustion.record(seconds);
            }
            for (int i = 0; i < statuses.length; i++) {
                candidates.record(Readings.candidates(latest, statuses[i]), statusAttributes[i]);
            }
            for (int i = 0; i < kinds.length; i++) {
                collections.record(Readings.collections(latest, kinds[i]), kindAttributes[i]);
            }
        }, verdict, liveSet, growth, exhaustion, candidates, collections);
        return new OpenTelemetryLeakMetrics(callback);
    }

    /** Unregisters the instruments' callback; the monitor runs on. */
    @Override
    public void close() {
        callback.close();
    }

    private static Attributes[] attributes(Enum<?>[] constants, AttributeKey<String> key) {
        Attributes[] attributes = new Attributes[constants.length];
        for (int i = 0; i < constants.length; i++) {
            attributes[i] = Attributes.of(key, Readings.value(constants[i]));
        }
        return attributes;
    }
}
