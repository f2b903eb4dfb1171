package io.leakwatch.core.internal;

import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.core.ClassDefinition;
import io.leakwatch.core.ClassLoaderStatistics;
import io.leakwatch.core.ClassLoadingStatistics;
import io.leakwatch.core.Evidence;
import io.leakwatch.core.GcKind;
import io.leakwatch.core.HeapSummary;
import io.leakwatch.core.LeakKind;
import io.leakwatch.core.MetaspaceSummary;
import io.leakwatch.core.ReferenceStep;
import io.leakwatch.core.SeriesPoint;
import io.leakwatch.core.SiteSummary;
import io.leakwatch.core.StackFrame;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
 * <p>The code behind it: a loader type whose loaders outlive unloading collections (present in a listing before one
 * and still present after it) and keep adding to their number is what accumulates; the classes that new loaders of
 * that type define again and again, and the stack that defines them ({@code jdk.ClassDefine}, which the live monitor
 * records while class metadata is suspected), say which code it is; an old-object chain through those classes says
 * who holds them. Not thread-safe.
 */
final class ClassMetadataTracker {
    static final String SERIES = "metaspace";
    /** Joins kept waiting for their other half, and listings and unloading times remembered, are bounded. */
    private static final int PENDING_LIMIT = 64;
    private static final int LOADER_LIMIT = 100_000;
    private static final int CLASS_NAME_LIMIT = 4096;
    /**
     * The JVM writes one listing's events over a millisecond or two, and two listings at a chunk's end and the next
     * one's start: events this close to a listing's first belong to it.
     */
    private static final Duration LISTING_SPREAD = Duration.ofSeconds(1);

    private final WarmUpClock warmUp;
    private final SeriesRecorder metaspace = new SeriesRecorder(false);
    private final Map<Long, SeriesPoint> afterByGc = new LinkedHashMap<>();
    private final Set<Long> measuringGcs = new HashSet<>();
    private final Deque<Instant> unloadingEnds = new ArrayDeque<>();
    private Instant concurrentCycleEnd;
    private long maxBytes;

    private final Map<Long, Loader> loaders = new HashMap<>();
    private Instant listingTime;
    private Instant lastListing;
    private final Set<Long> listing = new HashSet<>();

    private final Map<String, Redefinition> definitions = new LinkedHashMap<>();
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

    /** One loader of a listing; a listing is complete when one with a later time begins. */
    void record(ClassLoaderStatistics loader) {
        warmUp.noteTime(loader.time());
        if (listingTime != null && (loader.time().isBefore(listingTime)
                || loader.time().isAfter(listingTime.plus(LISTING_SPREAD)))) {
            completeListing();
        }
        if (listing.isEmpty()) {
            listingTime = loader.time();
        }
        listing.add(loader.loaderId());
        Loader known = loaders.get(loader.loaderId());
        if (known == null && loaders.size() < LOADER_LIMIT) {
            loaders.put(loader.loaderId(), new Loader(loader.loaderType(), loader.time(), loader.metaspaceBytes()));
        } else if (known != null) {
            known.metaspaceBytes = loader.metaspaceBytes();
        }
    }

    void record(ClassDefinition definition) {
        warmUp.noteTime(definition.time());
        Redefinition known = definitions.get(definition.className());
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

    /** The metaspace series as of now. */
    KindSeries series(AnalyzerConfig config) {
        String note = metaspace.isEmpty() ? "no jdk.MetaspaceSummary events: record with garbage collection events"
                + " (JFR's default and profile settings have them)" : "";
        return metaspace.series(LeakKind.CLASS_METADATA, SERIES, note, warmUp.end(), maxBytes,
                config.materialGrowthBytes(maxBytes));
    }

    /**
     * What names the code: the loader type with the most loaders that were first listed since the growth began
     * ({@code from}) and outlived a collection that unloads classes since; confirmed when they are at least
     * {@link Thresholds#MIN_SURVIVING_LOADERS} and their classes take at least
     * {@link Thresholds#MIN_SHARE_OF_METASPACE_GROWTH} of the metaspace growth since {@code from} ({@code growth}).
     * Without such loaders, the loader type that defined the same classes most often, unconfirmed.
     */
    KindNaming naming(Instant from, double growth, List<SiteSummary> sites) {
        Instant lastUnloading = unloadingEnds.stream().filter(end -> lastListing != null && end.isBefore(lastListing))
                .max(Instant::compareTo).orElse(Instant.MIN);
        Map<String, TypeCount> types = new HashMap<>();
        for (Loader loader : loaders.values()) {
            if (!loader.firstSeen.isBefore(lastUnloading) || from != null && loader.firstSeen.isBefore(from)) {
                continue;
            }
            TypeCount count = types.computeIfAbsent(loader.type, t -> new TypeCount());
            count.loaders++;
            count.metaspaceBytes += loader.metaspaceBytes;
            count.first = count.first == null || loader.firstSeen.isBefore(count.first) ? loader.firstSeen : count.first;
        }
        Map.Entry<String, TypeCount> most = types.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<String, TypeCount> e) -> e.getValue().loaders)).orElse(null);
        List<Map.Entry<String, Redefinition>> redefined = definitions.entrySet().stream()
                .filter(e -> e.getValue().definitions >= Thresholds.MIN_REDEFINITIONS)
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
        boolean confirmed = survivors.loaders >= Thresholds.MIN_SURVIVING_LOADERS && growth > 0
                && survivors.metaspaceBytes >= Thresholds.MIN_SHARE_OF_METASPACE_GROWTH * growth;
        List<Evidence> evidence = new ArrayList<>();
        if (survivors.loaders > 0) {
            evidence.add(new Evidence(Evidence.Signal.OWNERS_ACCUMULATE, String.format(Locale.ROOT, "%d loaders of"
                    + " type %s, first listed since the growth began, outlived a collection that unloads classes"
                    + " (their classes take %.0f kB of metaspace)", survivors.loaders, loaderType,
                    survivors.metaspaceBytes / 1000.0)));
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
        double perMinute = survivors.first != null && lastUnloading.isAfter(survivors.first)
                ? survivors.loaders * 60.0 / (Duration.between(survivors.first, lastUnloading).toNanos() / 1e9)
                : Double.NaN;
        return new KindNaming(loaderType, confirmed, classes, stack, holders, perMinute, "", evidence);
    }

    private void completeListing() {
        // Loaders missing from a complete listing were unloaded.
        loaders.keySet().removeIf(id -> !listing.contains(id));
        lastListing = listingTime;
        listing.clear();
    }

    private void noteUnloading(Instant end) {
        unloadingEnds.addLast(end);
        if (unloadingEnds.size() > PENDING_LIMIT) {
            unloadingEnds.removeFirst();
        }
    }

    private static <V> void trim(Map<Long, V> map) {
        while (map.size() > PENDING_LIMIT) {
            Iterator<Long> oldest = map.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** A loader seen in a listing. */
    private static final class Loader {
        final String type;
        final Instant firstSeen;
        long metaspaceBytes;

        Loader(String type, Instant firstSeen, long metaspaceBytes) {
            this.type = type;
            this.firstSeen = firstSeen;
            this.metaspaceBytes = metaspaceBytes;
        }
    }

    /** Loaders of one type that outlived an unloading collection, and the metaspace their classes take. */
    private static final class TypeCount {
        int loaders;
        long metaspaceBytes;
        Instant first;
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
