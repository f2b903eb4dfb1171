package io.leakwatch.core.internal;

import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.core.ClassDefinition;
import io.leakwatch.core.ClassLoadingStatistics;
import io.leakwatch.core.ClassUnload;
import io.leakwatch.core.Evidence;
import io.leakwatch.core.GcKind;
import io.leakwatch.core.HeapSummary;
import io.leakwatch.core.JdkTypes;
import io.leakwatch.core.LeakKind;
import io.leakwatch.core.MetaspaceSummary;
import io.leakwatch.core.ReferenceStep;
import io.leakwatch.core.SeriesPoint;
import io.leakwatch.core.SiteSummary;
import io.leakwatch.core.StackFrame;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Class metadata: metaspace after collections, the loaders alive at each listing, and the classes they define.
 *
 * <p>Metaspace is freed only when classes are unloaded, and classes are unloaded only by collections that find their
 * loaders dead: full collections (heap inspections included), ZGC's and Shenandoah's cycles, G1's concurrent cycles
 * (whose own summary is taken at their start, so the first collection after one shows what it freed). Metaspace after
 * any other collection still holds dead loaders' classes: a healthy hot reload rises like a leak until one. So only
 * metaspace right after an unloading collection is a measurement; the rest bounds it from above, as the heap after a
 * young collection bounds the live set.
 *
 * <p>The code behind it: a loader type whose loaders outlive unloading collections and keep adding to their number
 * is what accumulates. A loader is known from the classes it defines ({@code jdk.ClassDefine}, which the live monitor
 * records always, with stacks only while class metadata is suspected) and gone once its classes are unloaded
 * ({@code jdk.ClassUnload}); one that defined classes before an unloading collection and has no unloading since
 * outlived it. ({@code jdk.ClassLoaderStatistics} lists the loaders too, but a live stream resolves every listed
 * loader to the application class loader, on JDK 17 and 25 alike: measured here, while files resolve them right.)
 * The classes new loaders of that type define again and again, and the stack that defines them, say which code it
 * is; an old-object chain through those classes says who holds them. Not thread-safe.
 */
final class ClassMetadataTracker {
    static final String SERIES = "metaspace";
    /** Joins kept waiting for their other half, and listings and unloading times remembered, are bounded. */
    private static final int PENDING_LIMIT = 64;
    private static final int LOADER_LIMIT = 100_000;
    private static final int CLASS_NAME_LIMIT = 4096;

    private final WarmUpClock warmUp;
    private final SeriesRecorder metaspace = new SeriesRecorder(false);
    private final Map<Long, SeriesPoint> afterByGc = new LinkedHashMap<>();
    private final Set<Long> measuringGcs = new HashSet<>();
    private final TreeSet<Instant> unloadingEnds = new TreeSet<>();
    private Instant concurrentCycleEnd;
    private long maxBytes;

    /** Loaders that defined classes and have not been unloaded, by their identity. */
    private final Map<Long, Loader> loaders = new HashMap<>();
    private final Map<String, Long> unloadedByType = new HashMap<>();

    private final Map<String, Redefinition> definitions = new LinkedHashMap<>();
    /** New names refused by a full table since its last sweep, and how many make the next sweep. */
    private int namesRefused;
    private int namesRefusedBeforeSweep = 1;
    private final Map<String, List<StackFrame>> defineStacks = new HashMap<>();
    private ClassLoadingStatistics firstCounts;
    private ClassLoadingStatistics latestCounts;

    ClassMetadataTracker(WarmUpClock warmUp) {
        this.warmUp = warmUp;
    }

    void record(MetaspaceSummary summary) {
        warmUp.noteTime(summary.time());
        if (summary.maxBytes() > 0) {
            maxBytes = summary.maxBytes();
        }
        if (summary.when() != HeapSummary.When.AFTER_GC) {
            return;
        }
        metaspace.sample(summary.time(), summary.usedBytes());
        SeriesPoint point = new SeriesPoint(summary.time(), summary.usedBytes());
        if (measuringGcs.remove(summary.gcId())) {
            metaspace.measurement(point.time(), point.value());
        } else {
            afterByGc.put(summary.gcId(), point);
            trim(afterByGc);
        }
    }

    /** A completed collection: whether it unloaded classes decides whether its metaspace is a measurement. */
    void noteCollection(long gcId, GcKind kind, Instant start, Instant end) {
        boolean unloads = kind == GcKind.FULL || kind == GcKind.OLD;
        boolean afterConcurrentCycle = concurrentCycleEnd != null && !start.isBefore(concurrentCycleEnd);
        if (kind == GcKind.CONCURRENT_CYCLE) {
            concurrentCycleEnd = end;
            noteUnloading(end);
        } else if (unloads || afterConcurrentCycle) {
            if (afterConcurrentCycle) {
                concurrentCycleEnd = null;
            }
            if (unloads) {
                noteUnloading(end);
            }
            SeriesPoint after = afterByGc.remove(gcId);
            if (after != null) {
                metaspace.measurement(after.time(), after.value());
            } else {
                measuringGcs.add(gcId);
                if (measuringGcs.size() > PENDING_LIMIT) {
                    measuringGcs.remove(measuringGcs.iterator().next());
                }
            }
        }
    }

    void record(ClassLoadingStatistics counts) {
        warmUp.noteTime(counts.time());
        if (firstCounts == null && !counts.time().isBefore(warmUp.end())) {
            firstCounts = counts;
        }
        latestCounts = counts;
    }

    void record(ClassDefinition definition) {
        warmUp.noteTime(definition.time());
        Loader loader = loaders.get(definition.loaderId());
        if (loader == null && loaders.size() < LOADER_LIMIT) {
            loaders.put(definition.loaderId(), new Loader(definition.loaderType(), definition.time()));
        } else if (loader != null && definition.time().isBefore(loader.firstDefined)) {
            loader.firstDefined = definition.time();
        }
        Redefinition known = definitions.get(definition.className());
        if (known == null && definitions.size() >= CLASS_NAME_LIMIT && ++namesRefused >= namesRefusedBeforeSweep) {
            // A start-up defines thousands of classes once each (jdk.ClassDefine is on from the start); a name
            // defined once says nothing, so those make room, and the names defined again and again stay. A sweep
            // that frees little waits for as many refused names as the table holds before the next.
            definitions.values().removeIf(name -> name.definitions == 1);
            namesRefused = 0;
            namesRefusedBeforeSweep = definitions.size() <= CLASS_NAME_LIMIT * 3 / 4 ? 1 : CLASS_NAME_LIMIT;
        }
        if (known == null && definitions.size() < CLASS_NAME_LIMIT) {
            definitions.put(definition.className(), new Redefinition(definition.loaderType()));
            known = definitions.get(definition.className());
        }
        if (known != null && known.loaderType.equals(definition.loaderType())) {
            known.definitions++;
        }
        if (!definition.stack().isEmpty()) {
            defineStacks.put(definition.loaderType(), definition.stack());
        }
    }

    /** A class unloaded: its loader is gone with it. */
    void record(ClassUnload unload) {
        warmUp.noteTime(unload.time());
        Loader gone = loaders.remove(unload.loaderId());
        if (gone != null) {
            unloadedByType.merge(gone.type, 1L, Long::sum);
        }
    }

    /** The metaspace series as of now. */
    KindSeries series(AnalyzerConfig config) {
        String note = metaspace.isEmpty() ? "no jdk.MetaspaceSummary events: record with garbage collection events"
                + " (JFR's default and profile settings have them)" : "";
        return metaspace.series(LeakKind.CLASS_METADATA, SERIES, note, warmUp.end(), maxBytes,
                config.materialGrowthBytes(maxBytes));
    }

    /**
     * What names the code: the loader type with the most loaders created since the growth began ({@code from}) that
     * outlived a collection that unloads classes; confirmed when they are at least
     * {@link Thresholds#MIN_SURVIVING_LOADERS}, created between at least {@link Thresholds#MIN_LOADER_ARRIVALS}
     * different pairs of such collections (loaders that keep coming, not one deployment). Without such loaders, the
     * loader type that defined the same classes most often, unconfirmed.
     */
    KindNaming naming(Instant from, double growth, List<SiteSummary> sites) {
        // Unloading shows up as jdk.ClassUnload events that may arrive after the collection's own: a loader counts
        // as having outlived a collection only once a later one has ended too.
        Instant cut = unloadingEnds.isEmpty() ? null : unloadingEnds.lower(unloadingEnds.last());
        Map<String, TypeCount> types = new HashMap<>();
        for (Loader loader : loaders.values()) {
            Instant outlived = cut == null ? null : unloadingEnds.ceiling(loader.firstDefined);
            // The JDK's own loaders name no code (jdk.ClassDefine is on from the start, so they are all seen).
            if (outlived == null || outlived.isAfter(cut) || from != null && loader.firstDefined.isBefore(from)
                    || JdkTypes.isJdkOwnLoader(loader.type)) {
                continue;
            }
            TypeCount count = types.computeIfAbsent(loader.type, t -> new TypeCount());
            count.loaders++;
            count.arrivals.add(outlived);
            count.first = count.first == null || loader.firstDefined.isBefore(count.first) ? loader.firstDefined
                    : count.first;
            count.last = count.last == null || loader.firstDefined.isAfter(count.last) ? loader.firstDefined
                    : count.last;
        }
        Map.Entry<String, TypeCount> most = types.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<String, TypeCount> e) -> e.getValue().loaders)).orElse(null);
        List<Map.Entry<String, Redefinition>> redefined = definitions.entrySet().stream()
                .filter(e -> e.getValue().definitions >= Thresholds.MIN_REDEFINITIONS
                        && !JdkTypes.isJdkOwnLoader(e.getValue().loaderType))
                .sorted(Comparator.comparingLong((Map.Entry<String, Redefinition> e) -> e.getValue().definitions)
                        .reversed()).toList();
        String loaderType = most != null ? most.getKey() : redefined.isEmpty() ? null
                : redefined.get(0).getValue().loaderType;
        if (loaderType == null) {
            return null;
        }
        TypeCount survivors = most != null ? most.getValue() : new TypeCount();
        List<String> classes = redefined.stream().filter(e -> e.getValue().loaderType.equals(loaderType))
                .limit(5).map(Map.Entry::getKey).toList();
        boolean confirmed = survivors.loaders >= Thresholds.MIN_SURVIVING_LOADERS
                && survivors.arrivals.size() >= Thresholds.MIN_LOADER_ARRIVALS;
        List<Evidence> evidence = new ArrayList<>();
        if (survivors.loaders > 0) {
            evidence.add(new Evidence(Evidence.Signal.OWNERS_ACCUMULATE, String.format(Locale.ROOT, "%d loaders of"
                            + " type %s, created since the growth began between %d different pairs of collections"
                            + " that unload classes, outlived them (%d of the type were unloaded)", survivors.loaders,
                    loaderType, survivors.arrivals.size(), unloadedByType.getOrDefault(loaderType, 0L))));
        }
        if (!classes.isEmpty()) {
            evidence.add(new Evidence(Evidence.Signal.CLASSES_REDEFINED, "defined again and again by new loaders: "
                    + String.join(", ", classes.stream().map(name -> name + " " + definitions.get(name).definitions
                    + "×").toList())));
        }
        if (latestCounts != null && firstCounts != null) {
            evidence.add(new Evidence(Evidence.Signal.KIND_GROWTH, String.format(Locale.ROOT, "classes loaded %d →"
                            + " %d, unloaded %d → %d since warm-up", firstCounts.loadedClassCount(),
                    latestCounts.loadedClassCount(), firstCounts.unloadedClassCount(),
                    latestCounts.unloadedClassCount())));
        }
        // The loader's own frames and the frames of the classes it defines are how it loads; the frame after them
        // is the code that asked for the classes.
        List<StackFrame> stack = defineStacks.getOrDefault(loaderType, List.of()).stream()
                .filter(frame -> !frame.typeName().equals(loaderType) && !classes.contains(frame.typeName()))
                .toList();
        if (!stack.isEmpty()) {
            StackFrame shown = stack.stream().filter(f -> !f.isJdkFrame()).findFirst().orElse(stack.get(0));
            evidence.add(new Evidence(Evidence.Signal.ALLOCATING_CODE, "classes defined from " + shown));
        }
        Set<String> names = new HashSet<>(classes);
        names.add(loaderType);
        SiteSummary holders = sites.stream().filter(site -> names.contains(site.objectType())
                        || site.referenceChain().stream().map(ReferenceStep::holderType).anyMatch(names::contains))
                .max(Comparator.comparing((SiteSummary s) -> !s.referenceChain().isEmpty())
                        .thenComparing(SiteSummary::accumulating).thenComparingInt(SiteSummary::liveSamples))
                .orElse(null);
        double perMinute = survivors.first != null && survivors.last.isAfter(survivors.first)
                ? (survivors.loaders - 1) * 60.0 / (Duration.between(survivors.first, survivors.last).toNanos() / 1e9)
                : Double.NaN;
        return new KindNaming(loaderType, confirmed, classes, stack, holders, perMinute, "", evidence);
    }

    private void noteUnloading(Instant end) {
        unloadingEnds.add(end);
        if (unloadingEnds.size() > PENDING_LIMIT) {
            unloadingEnds.pollFirst();
        }
    }

    private static <V> void trim(Map<Long, V> map) {
        while (map.size() > PENDING_LIMIT) {
            Iterator<Long> oldest = map.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** A loader known from the classes it defined. */
    private static final class Loader {
        final String type;
        Instant firstDefined;

        Loader(String type, Instant firstDefined) {
            this.type = type;
            this.firstDefined = firstDefined;
        }
    }

    /** Loaders of one type that outlived an unloading collection, and the collections they outlived first. */
    private static final class TypeCount {
        final Set<Instant> arrivals = new HashSet<>();
        int loaders;
        Instant first;
        Instant last;
    }

    /** How often a class name was defined, by loaders of one type. */
    private static final class Redefinition {
        final String loaderType;
        long definitions;

        Redefinition(String loaderType) {
            this.loaderType = loaderType;
        }
    }
}
