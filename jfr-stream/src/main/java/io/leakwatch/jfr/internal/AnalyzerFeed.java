package io.leakwatch.jfr.internal;

import io.leakwatch.core.AllocationSample;
import io.leakwatch.core.Analyzer;
import io.leakwatch.core.ClassDefinition;
import io.leakwatch.core.ClassHistogram;
import io.leakwatch.core.ClassUnload;
import io.leakwatch.core.ClassLoadingStatistics;
import io.leakwatch.core.DirectAllocation;
import io.leakwatch.core.DirectBufferStatistics;
import io.leakwatch.core.GcEvent;
import io.leakwatch.core.GcKind;
import io.leakwatch.core.HeapSummary;
import io.leakwatch.core.MetaspaceSummary;
import io.leakwatch.core.NativeMemoryUsage;
import io.leakwatch.core.ObjectSample;
import io.leakwatch.core.ThreadEnd;
import io.leakwatch.core.ThreadStart;
import io.leakwatch.core.ThreadStatistics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins what JFR splits over several event types before it reaches the {@link Analyzer}: the G1 collection type
 * that tells a Mixed collection from a young one, the maximum heap size, and the lines of a heap inspection. Used
 * by the live stream and by the file reader alike, on one thread.
 */
public final class AnalyzerFeed {
    /** Pending joins beyond this many are given up, oldest first, so a broken recording cannot fill the heap. */
    private static final int MAX_PENDING = 256;

    private final Analyzer analyzer;
    private final Map<Long, PendingCollection> pendingG1 = new LinkedHashMap<>();
    private final Map<Long, String> g1Types = new LinkedHashMap<>();
    private final Map<Long, PendingInspection> inspections = new LinkedHashMap<>();
    private long heapMaxBytes;
    private long metaspaceMaxBytes;
    private long events;

    public AnalyzerFeed(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The analyzer fed. */
    public Analyzer analyzer() {
        return analyzer;
    }

    /** How many events were mapped so far. */
    public long events() {
        return events;
    }

    /**
     * Releases joins that waited a whole flush: G1 young collections whose type never came are passed on as
     * young. The live stream calls this after each flush; a file reader calls {@link #finish()}.
     */
    public void flush() {
        Iterator<PendingCollection> iterator = pendingG1.values().iterator();
        while (iterator.hasNext()) {
            PendingCollection pending = iterator.next();
            if (pending.flushesWaited++ > 0) {
                analyzer.accept(pending.event);
                iterator.remove();
            }
        }
    }

    /** Passes on everything still waiting for its other half, then tells the analyzer no more events come. */
    public void finish() {
        pendingG1.values().forEach(pending -> analyzer.accept(pending.event));
        pendingG1.clear();
        for (PendingInspection inspection : inspections.values()) {
            if (inspection.time != null) {
                analyzer.accept(inspection.histogram());
            }
        }
        inspections.clear();
        analyzer.finish();
    }

    void collection(GcEvent event) {
        events++;
        if (!event.collectorName().equals("G1New")) {
            analyzer.accept(event);
            return;
        }
        String type = g1Types.remove(event.gcId());
        if (type != null) {
            analyzer.accept(withG1Type(event, type));
        } else {
            pendingG1.put(event.gcId(), new PendingCollection(event));
            trim(pendingG1, pending -> analyzer.accept(pending.event));
        }
    }

    void g1CollectionType(long gcId, String type) {
        events++;
        PendingCollection pending = pendingG1.remove(gcId);
        if (pending != null) {
            analyzer.accept(withG1Type(pending.event, type));
        } else {
            g1Types.put(gcId, type == null ? "" : type);
            trim(g1Types, ignored -> { });
        }
    }

    void heapSummary(HeapSummary summary) {
        events++;
        analyzer.accept(summary);
    }

    void heapMax(long bytes) {
        events++;
        if (bytes > 0) {
            heapMaxBytes = bytes;
        }
    }

    long heapMaxBytes() {
        return heapMaxBytes;
    }

    void sample(ObjectSample sample) {
        events++;
        analyzer.accept(sample);
    }

    void allocation(AllocationSample sample) {
        events++;
        analyzer.accept(sample);
    }

    void metaspaceMax(long bytes) {
        events++;
        metaspaceMaxBytes = bytes;
    }

    /** {@code MaxMetaspaceSize}, or 0 when unlimited or not yet known. */
    long metaspaceMaxBytes() {
        return metaspaceMaxBytes;
    }

    void metaspace(MetaspaceSummary summary) {
        events++;
        analyzer.accept(summary);
    }

    void classLoading(ClassLoadingStatistics counts) {
        events++;
        analyzer.accept(counts);
    }

    void classUnload(ClassUnload unload) {
        events++;
        analyzer.accept(unload);
    }

    void classDefinition(ClassDefinition definition) {
        events++;
        analyzer.accept(definition);
    }

    void threads(ThreadStatistics statistics) {
        events++;
        analyzer.accept(statistics);
    }

    void threadStart(ThreadStart start) {
        events++;
        analyzer.accept(start);
    }

    void threadEnd(ThreadEnd end) {
        events++;
        analyzer.accept(end);
    }

    void directBuffers(DirectBufferStatistics statistics) {
        events++;
        analyzer.accept(statistics);
    }

    void directAllocation(DirectAllocation allocation) {
        events++;
        analyzer.accept(allocation);
    }

    void nativeMemory(NativeMemoryUsage usage) {
        events++;
        analyzer.accept(usage);
    }

    void inspection(long id, Instant time, boolean afterFullGc, int typesWritten) {
        events++;
        PendingInspection inspection = inspections.computeIfAbsent(id, key -> new PendingInspection());
        inspection.time = time;
        inspection.afterFullGc = afterFullGc;
        inspection.expected = typesWritten;
        completeIfReady(id, inspection);
    }

    void histogramEntry(long inspectionId, ClassHistogram.Entry entry) {
        events++;
        PendingInspection inspection = inspections.computeIfAbsent(inspectionId, key -> new PendingInspection());
        inspection.entries.add(entry);
        completeIfReady(inspectionId, inspection);
    }

    private void completeIfReady(long id, PendingInspection inspection) {
        if (inspection.time != null && inspection.entries.size() >= inspection.expected) {
            inspections.remove(id);
            analyzer.accept(inspection.histogram());
        }
        trim(inspections, ignored -> { });
    }

    private static GcEvent withG1Type(GcEvent event, String type) {
        GcKind kind = "Mixed".equals(type) ? GcKind.MIXED : GcKind.YOUNG;
        return new GcEvent(event.gcId(), event.collectorName(), kind, event.cause(), event.start(),
                event.sumOfPauses(), event.duration());
    }

    private static <V> void trim(Map<Long, V> map, java.util.function.Consumer<V> onDrop) {
        while (map.size() > MAX_PENDING) {
            Iterator<V> oldest = map.values().iterator();
            onDrop.accept(oldest.next());
            oldest.remove();
        }
    }

    private static final class PendingCollection {
        final GcEvent event;
        int flushesWaited;

        PendingCollection(GcEvent event) {
            this.event = event;
        }
    }

    private static final class PendingInspection {
        final List<ClassHistogram.Entry> entries = new ArrayList<>();
        Instant time;
        boolean afterFullGc;
        int expected;

        ClassHistogram histogram() {
            return new ClassHistogram(time, afterFullGc, entries);
        }
    }
}
