package io.leakwatch.metrics;

import io.leakwatch.core.Analysis;
import io.leakwatch.core.GcKind;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.Verdict;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The leak monitor's state as Micrometer meters, read lazily from its latest {@link Analysis} at each scrape: no
 * thread, no polling, and a fixed set of series (tags take only the values listed).
 *
 * <pre>{@code
 * LeakMonitor monitor = LeakMonitor.start();
 * new MicrometerLeakMetrics(monitor::snapshot).bindTo(registry);
 * }</pre>
 *
 * <table>
 * <caption>Meters (Prometheus names in brackets)</caption>
 * <tr><th>name</th><th>type</th><th>tags</th><th>value</th></tr>
 * <tr><td>{@code leakwatch.verdict} ({@code leakwatch_verdict})</td><td>gauge</td><td>{@code verdict}: {@code leak},
 *     {@code no_leak}, {@code inconclusive}</td><td>1 for the current verdict, 0 for the others</td></tr>
 * <tr><td>{@code leakwatch.heap.live.set.size} ({@code leakwatch_heap_live_set_size_bytes})</td><td>gauge, bytes</td>
 *     <td></td>
 *     <td>the latest live-set measurement (heap after a collection that frees the old generation, or a heap
 *     inspection); NaN before the first</td></tr>
 * <tr><td>{@code leakwatch.heap.live.set.growth} ({@code leakwatch_heap_live_set_growth_bytes_per_second})</td>
 *     <td>gauge, bytes per second</td><td></td><td>the live-set trend's slope; NaN without a trend</td></tr>
 * <tr><td>{@code leakwatch.heap.time.to.exhaustion} ({@code leakwatch_heap_time_to_exhaustion_seconds})</td>
 *     <td>gauge, seconds</td><td></td><td>until the heap would be exhausted at the rate it grows now; NaN when it
 *     does not grow</td></tr>
 * <tr><td>{@code leakwatch.candidates} ({@code leakwatch_candidates})</td><td>gauge</td><td>{@code status}:
 *     {@code confirmed}, {@code suspected}</td><td>leak candidates of that status</td></tr>
 * <tr><td>{@code leakwatch.gc.collections} ({@code leakwatch_gc_collections_total})</td><td>function counter</td>
 *     <td>{@code kind}: {@code young}, {@code mixed}, {@code old}, {@code full}, {@code concurrent_cycle}</td><td>
 *     collections of that kind since the monitor started; their rate is the backend's ({@code rate()})</td></tr>
 * </table>
 *
 * <p>No tag names a candidate's type: one series per type that ever led would grow without bound. The candidate
 * itself is in the monitor's {@code analysis.json} and {@code leakwatch watch}.
 */
public final class MicrometerLeakMetrics implements MeterBinder {
    private final Supplier<Analysis> analysis;
    private final Iterable<Tag> tags;

    /** @param analysis the latest analysis, read at each scrape: {@code monitor::snapshot} */
    public MicrometerLeakMetrics(Supplier<Analysis> analysis) {
        this(analysis, Tags.empty());
    }

    /**
     * @param analysis the latest analysis, read at each scrape: {@code monitor::snapshot}
     * @param tags     tags added to every meter, as Micrometer's own binders take them
     */
    public MicrometerLeakMetrics(Supplier<Analysis> analysis, Iterable<Tag> tags) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.tags = Objects.requireNonNull(tags, "tags");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        // Strong references: a gauge holds its object weakly by default, and a method reference such as
        // monitor::snapshot is held by nobody else, so it would be collected and the gauge read NaN.
        for (Verdict verdict : Verdict.values()) {
            Gauge.builder("leakwatch.verdict", analysis, source -> Readings.is(source.get(), verdict))
                    .strongReference(true).tags(tags).tag("verdict", Readings.value(verdict))
                    .description("1 for the leak monitor's current verdict, 0 for the others").register(registry);
        }
        Gauge.builder("leakwatch.heap.live.set.size", analysis, source -> Readings.liveSetBytes(source.get()))
                .strongReference(true).tags(tags).baseUnit(BaseUnits.BYTES)
                .description("The latest live-set measurement: heap after a collection that frees the old"
                        + " generation, or a heap inspection").register(registry);
        Gauge.builder("leakwatch.heap.live.set.growth", analysis,
                        source -> Readings.growthBytesPerSecond(source.get()))
                .strongReference(true).tags(tags).baseUnit("bytes.per.second")
                .description("The live-set trend's slope (Theil-Sen)").register(registry);
        Gauge.builder("leakwatch.heap.time.to.exhaustion", analysis,
                        source -> Readings.secondsToExhaustion(source.get()))
                .strongReference(true).tags(tags).baseUnit("seconds")
                .description("Time until the heap is exhausted at the rate the live set grows now; NaN when it does"
                        + " not grow").register(registry);
        for (LeakCandidate.Status status : LeakCandidate.Status.values()) {
            Gauge.builder("leakwatch.candidates", analysis, source -> Readings.candidates(source.get(), status))
                    .strongReference(true).tags(tags).tag("status", Readings.value(status))
                    .description("Leak candidates of this status").register(registry);
        }
        // A function counter holds its object weakly with no way to say otherwise; the gauges above hold the same
        // supplier strongly, so it lives as long as they are registered.
        for (GcKind kind : GcKind.values()) {
            FunctionCounter.builder("leakwatch.gc.collections", analysis,
                            source -> Readings.collections(source.get(), kind))
                    .tags(tags).tag("kind", Readings.value(kind))
                    .description("Collections of this kind since the leak monitor started").register(registry);
        }
    }
}
