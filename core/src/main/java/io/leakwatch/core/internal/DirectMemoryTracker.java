package io.leakwatch.core.internal;

import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.core.DirectAllocation;
import io.leakwatch.core.DirectBufferStatistics;
import io.leakwatch.core.Evidence;
import io.leakwatch.core.GcEvent;
import io.leakwatch.core.GcKind;
import io.leakwatch.core.JdkTypes;
import io.leakwatch.core.LeakKind;
import io.leakwatch.core.ReferenceStep;
import io.leakwatch.core.SeriesPoint;
import io.leakwatch.core.SiteSummary;
import io.leakwatch.core.StackFrame;
import io.leakwatch.core.TypeGrowth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Direct memory: the native memory of direct {@code ByteBuffer}s. A buffer's memory is freed only after a collection
 * finds the buffer dead (its cleaner then runs), and a buffer that was promoted before it died waits for a
 * collection of the old generation: so, as for the live set, only the first sample after a full or old collection
 * or a G1 concurrent cycle (whose reference processing runs the cleaners) is a measurement, and under generational
 * ZGC only after an explicit one ({@link #freesDeadBuffers}); every other sample bounds it from above.
 *
 * <p>The code behind it: the call sites of {@code ByteBuffer.allocateDirect} ({@code jdk.MethodTrace}, JDK 25 and
 * later, which the live monitor records while direct memory is suspected), the application types that grow in the
 * heap in step with the buffers (heap inspections), and the chain of a sampled buffer. Not thread-safe.
 */
final class DirectMemoryTracker {
    static final String SERIES = "direct memory";
    static final String BUFFER_TYPE = "java.nio.DirectByteBuffer";
    /** A sample this soon after a collection may not show the cleaners' work yet. */
    private static final Duration CLEANER_DELAY = Duration.ofMillis(100);
    /** The cause JFR gives a collection that {@code System.gc()} asked for. */
    static final String SYSTEM_GC = "System.gc()";
    private static final int SITE_FRAMES = 8;
    private static final int SITE_LIMIT = 1024;

    private final WarmUpClock warmUp;
    private final SeriesRecorder memory = new SeriesRecorder(false);
    private final SeriesRecorder buffers = new SeriesRecorder(false);
    private final Map<List<StackFrame>, Long> allocationSites = new HashMap<>();
    private Instant freedAt;
    private long maxBytes;
    private DirectBufferStatistics latest;

    DirectMemoryTracker(WarmUpClock warmUp) {
        this.warmUp = warmUp;
    }

    void record(DirectBufferStatistics statistics) {
        warmUp.noteTime(statistics.time());
        if (statistics.maxCapacityBytes() > 0) {
            maxBytes = statistics.maxCapacityBytes();
        }
        latest = statistics;
        memory.sample(statistics.time(), statistics.memoryUsedBytes());
        buffers.sample(statistics.time(), statistics.count());
        if (freedAt != null && !statistics.time().isBefore(freedAt.plus(CLEANER_DELAY))) {
            freedAt = null;
            memory.measurement(statistics.time(), statistics.memoryUsedBytes());
            buffers.measurement(statistics.time(), statistics.count());
        }
    }

    /** A completed collection: after one that frees dead old buffers, the next sample is a measurement. */
    void noteCollection(GcEvent event, boolean generationalZgc) {
        if (freesDeadBuffers(event, generationalZgc)) {
            freedAt = event.end();
        }
    }

    /**
     * Whether a collection runs the cleaners of every dead buffer: a full or old collection, or a G1 concurrent cycle;
     * under generational ZGC only an explicit one ({@code System.gc()}, which heap inspections also run). Its other
     * major collections (proactive, warm-up) left the dead buffers of a healthy pool beside 400 KB/s of temporary
     * buffers in place: direct memory rose 0.75 MB every 2 s across them and fell back to 4 MB only after each
     * {@code System.gc()}, and four measurements after proactive ones made a false {@code LEAK} (JDK 25, a run of the
     * detection benchmark at e6d634c).
     */
    static boolean freesDeadBuffers(GcEvent event, boolean generationalZgc) {
        if (generationalZgc) {
            return event.kind() != GcKind.YOUNG && SYSTEM_GC.equals(event.cause());
        }
        return event.kind() == GcKind.FULL || event.kind() == GcKind.OLD || event.kind() == GcKind.CONCURRENT_CYCLE;
    }

    void record(DirectAllocation allocation) {
        warmUp.noteTime(allocation.time());
        if (allocation.time().isBefore(warmUp.end())) {
            return;
        }
        List<StackFrame> site = allocation.stack().subList(0, Math.min(SITE_FRAMES, allocation.stack().size()));
        if (allocationSites.containsKey(site) || allocationSites.size() < SITE_LIMIT) {
            allocationSites.merge(site, 1L, Long::sum);
        }
    }

    /** The latest direct memory in use, or -1 when none was sampled. */
    long latestBytes() {
        return latest == null ? -1 : latest.memoryUsedBytes();
    }

    KindSeries series(AnalyzerConfig config) {
        String note = memory.isEmpty() ? "no jdk.DirectBufferStatistics events: record with them enabled (JFR's"
                + " default and profile settings have them)" : "";
        return memory.series(LeakKind.DIRECT_MEMORY, SERIES, note, warmUp.end(), maxBytes,
                config.materialGrowthBytes(maxBytes));
    }

    /**
     * What names the code: the allocation site with the most calls since warm-up; application types whose instances
     * grow steadily in the heap at 0.5 to 2 times the rate of the buffers; a sampled buffer's chain. Confirmed by an
     * allocation site or a type growing in step.
     */
    KindNaming naming(List<TypeGrowth> typeGrowth, List<SiteSummary> sites) {
        KindSeries counts = buffers.series(LeakKind.DIRECT_MEMORY, "buffers", "", warmUp.end(), 0, 0);
        SlopeFit countFit = SlopeFit.of(counts.trendPoints(), SeriesPoint::time, SeriesPoint::value);
        double buffersPerMinute = countFit == null ? Double.NaN : countFit.slopeBytesPerSecond() * 60;
        List<Evidence> evidence = new ArrayList<>();
        List<String> inStep = new ArrayList<>();
        if (buffersPerMinute > 0) {
            for (TypeGrowth type : typeGrowth) {
                double ratio = type.instancesPerMinute() / buffersPerMinute;
                if (type.steady() && !JdkTypes.isJdk(type.typeName()) && !JdkTypes.isHidden(type.typeName())
                        && ratio >= 0.5 && ratio <= 2) {
                    inStep.add(type.typeName());
                    evidence.add(new Evidence(Evidence.Signal.GROWS_IN_STEP, String.format(Locale.ROOT,
                            "%s +%.0f instances/min in the heap, with direct buffers +%.0f/min", type.typeName(),
                            type.instancesPerMinute(), buffersPerMinute)));
                }
            }
        }
        Map.Entry<List<StackFrame>, Long> site = allocationSites.entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElse(null);
        List<StackFrame> stack = site == null ? List.of() : site.getKey();
        if (site != null) {
            StackFrame shown = stack.stream().filter(f -> !f.isJdkFrame()).findFirst()
                    .orElse(stack.isEmpty() ? null : stack.get(0));
            long all = allocationSites.values().stream().mapToLong(Long::longValue).sum();
            evidence.add(new Evidence(Evidence.Signal.ALLOCATING_CODE, String.format(Locale.ROOT, "%d of %d direct"
                    + " allocations traced since warm-up came from %s", site.getValue(), all, shown)));
        }
        List<String> related = new ArrayList<>(inStep);
        related.add(BUFFER_TYPE);
        SiteSummary holders = sites.stream().filter(s -> related.contains(s.objectType())
                        || s.referenceChain().stream().map(ReferenceStep::holderType).anyMatch(related::contains))
                .max(Comparator.comparing((SiteSummary s) -> !s.referenceChain().isEmpty())
                        .thenComparingInt(SiteSummary::liveSamples)).orElse(null);
        if (stack.isEmpty() && holders != null) {
            stack = holders.allocationSite();
        }
        if (site == null && inStep.isEmpty() && holders == null) {
            return null;
        }
        return new KindNaming(BUFFER_TYPE, site != null || !inStep.isEmpty(), inStep, stack, holders,
                buffersPerMinute, "", evidence);
    }
}
