package io.leakwatch.core.internal;

import io.leakwatch.core.AccumulationPoint;
import io.leakwatch.core.ApplicationCode;
import io.leakwatch.core.ContainerId;
import io.leakwatch.core.ObjectSample;
import io.leakwatch.core.ReferenceStep;
import io.leakwatch.core.SiteSummary;
import io.leakwatch.core.StackFrame;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Groups old-object samples by allocation site and follows them across snapshots.
 *
 * <p>The JVM re-emits every sampled object that is still alive each time a recording is dumped; the samples of one
 * emission share their observation time, which makes them a snapshot. A leaking site shows objects that keep
 * arriving in new snapshots and stay alive in later ones; objects of request churn die before the next snapshot,
 * and structures built at start-up stop arriving. An object is identified across snapshots by its allocation time
 * and type (the address JFR reports can change when the object moves). Memory is bounded by the number of
 * snapshots kept ({@value #MAX_SNAPSHOTS}) times the sampler's queue size; times are kept as nanoseconds since the
 * epoch, since thousands of sightings with three {@link Instant}s each were a tenth of the monitor's footprint. Not
 * thread-safe.
 *
 * <p>The JVM drops a dead object from its samples only when a collection processes it, so a sample seen in a
 * snapshot proves nothing until a collection has run between its allocation and that snapshot: before that, request
 * garbage looks as alive as a leak (seen under ZGC, whose cycles are seconds apart). Only such survivors count for
 * arrivals, retention and growth.
 */
final class SiteTracker {
    static final int MAX_SNAPSHOTS = 64;
    /** Of the objects seen before the latest snapshot, at least this share must still be alive at a leaking site. */
    static final double MIN_RETENTION = 0.5;
    /** Objects must have arrived in at least this many snapshots after warm-up. */
    static final int MIN_ARRIVAL_SNAPSHOTS = 2;
    /** Collection times kept; older ones matter only for samples older than every snapshot kept. */
    static final int MAX_COLLECTIONS = 4096;
    /**
     * Fewest surviving samples of a site that can show allocation spread steadily over a run: with fewer, the
     * Kolmogorov–Smirnov test below accepts almost any spread.
     */
    static final int MIN_STEADY_SAMPLES = 8;
    /**
     * Kolmogorov–Smirnov critical value at the 5% level is {@code 1.36 / √m} for m samples (Massey 1951, "The
     * Kolmogorov-Smirnov test for goodness of fit", JASA 46:68, table 1, asymptotic).
     */
    static final double KS_CRITICAL_AT_5_PERCENT = 1.36;
    /** Survivors of a steady site must include allocations in the first and in the last quarter of the run. */
    static final double STEADY_COVERAGE = 0.25;

    private final WarmUpClock warmUp;
    private final ApplicationCode code;
    private final ContainerFinder finder;
    private final NavigableSet<Instant> snapshots = new TreeSet<>();
    private final LatestLongs collections = new LatestLongs(MAX_COLLECTIONS);
    private final Map<SiteKey, Site> sites = new HashMap<>();

    /**
     * @param warmUp objects allocated within the warm-up are start-up state, not arrivals
     * @param code   which frames and fields are the application's
     */
    SiteTracker(WarmUpClock warmUp, ApplicationCode code) {
        this.warmUp = warmUp;
        this.code = code;
        this.finder = new ContainerFinder(code);
    }

    /** A tracker for which application code is what is neither the JDK's nor a well-known library's. */
    SiteTracker(WarmUpClock warmUp) {
        this(warmUp, ApplicationCode.notLibraries());
    }

    /** Tells the tracker that a collection ended then: samples allocated before it and seen after it survived it. */
    void noteCollection(Instant end) {
        warmUp.noteTime(end);
        collections.add(EpochNanos.of(end));
    }

    /** Adds one sample of one snapshot. Repeated samples (the same object in the same snapshot) are ignored. */
    void record(ObjectSample sample) {
        warmUp.noteTime(sample.allocationTime());
        if (!snapshots.contains(sample.observedAt())) {
            if (snapshots.size() == MAX_SNAPSHOTS && sample.observedAt().isBefore(snapshots.first())) {
                return; // older than everything kept
            }
            snapshots.add(sample.observedAt());
            if (snapshots.size() > MAX_SNAPSHOTS) {
                forgetBefore(snapshots.pollFirst());
            }
        }
        sites.computeIfAbsent(SiteKey.of(sample, code), key -> new Site()).record(sample, finder);
    }

    /** Number of distinct snapshots kept. */
    int snapshotCount() {
        return snapshots.size();
    }

    /** Every site, most live samples first. */
    List<SiteSummary> summaries() {
        List<SiteSummary> result = new ArrayList<>();
        if (snapshots.isEmpty()) {
            return result;
        }
        Instant warmUpEnd = warmUp.end();
        Instant runStart = warmUp.start();
        long[] times = snapshots.stream().mapToLong(EpochNanos::of).toArray();
        long[] untilPrevious = Arrays.copyOf(times, times.length - 1);
        for (Map.Entry<SiteKey, Site> entry : sites.entrySet()) {
            SiteSummary summary = entry.getValue().summarize(times, runStart, warmUpEnd, collections, code);
            // The JVM's samples of one snapshot can reach a live stream in two flushes; until the rest arrives, a
            // site missing from the latest snapshot looks dead (seen live under ZGC: a LEAK withdrawn for a second).
            // So a site that accumulated up to the previous snapshot is summarized as of that one.
            if (!summary.accumulating() && untilPrevious.length > 0) {
                SiteSummary previous = entry.getValue().summarize(untilPrevious, runStart, warmUpEnd, collections,
                        code);
                if (previous.accumulating()) {
                    summary = previous;
                }
            }
            if (summary.liveSamples() > 0) {
                result.add(summary);
            }
        }
        result.sort(Comparator.comparingInt(SiteSummary::liveSamples).reversed()
                .thenComparing(SiteSummary::objectType));
        return result;
    }

    private void forgetBefore(Instant oldest) {
        Iterator<Site> iterator = sites.values().iterator();
        while (iterator.hasNext()) {
            Site site = iterator.next();
            site.forgetBefore(EpochNanos.of(oldest));
            if (site.isEmpty()) {
                iterator.remove();
            }
        }
    }

    /** What one site's objects did across snapshots. */
    private static final class Site {
        private final Map<ObjectKey, Sighting> objects = new HashMap<>();
        /** Length of each container's storage per snapshot. */
        private final Map<ContainerId, TreeMap<Instant, Integer>> containerSizes = new HashMap<>();
        /** The latest chain of each container, to show it, and its root. */
        private final Map<ContainerId, Shown> containers = new HashMap<>();
        private ObjectSample representative;
        /** The latest non-empty description of any of its samples, for when the representative has none. */
        private String described = "";

        void record(ObjectSample sample, ContainerFinder finder) {
            long allocatedAt = EpochNanos.of(sample.allocationTime());
            long observedAt = EpochNanos.of(sample.observedAt());
            // Each sample brings its own copy of the type's name; thousands of keys share the representative's.
            String type = representative != null && representative.objectType().equals(sample.objectType())
                    ? representative.objectType() : sample.objectType();
            ObjectKey key = new ObjectKey(allocatedAt, type);
            Sighting sighting = objects.get(key);
            if (sighting == null) {
                objects.put(key, new Sighting(allocatedAt, observedAt, observedAt, sample.sizeBytes()));
            } else {
                objects.put(key, sighting.seenAt(observedAt));
            }
            if (!sample.description().isEmpty()) {
                described = sample.description();
            }
            if (representative == null || preferredRepresentative(sample, representative)) {
                representative = sample;
            }
            AccumulationPoint point = finder.find(sample.referenceChain(), sample.objectType(), sample.arrayLength());
            if (point != null) {
                ContainerId id = point.identity();
                containerSizes.computeIfAbsent(id, k -> new TreeMap<>())
                        .merge(sample.observedAt(), point.latestSize(), Math::max);
                containers.put(id, new Shown(point, sample.rootDescription(), sample.allocationStack()));
            }
        }

        void forgetBefore(long oldest) {
            objects.values().removeIf(sighting -> sighting.last() < oldest);
            Instant oldestTime = EpochNanos.toInstant(oldest);
            for (TreeMap<Instant, Integer> sizes : containerSizes.values()) {
                sizes.headMap(oldestTime, true).clear();
            }
            containerSizes.values().removeIf(Map::isEmpty);
            containers.keySet().retainAll(containerSizes.keySet());
        }

        boolean isEmpty() {
            return objects.isEmpty();
        }

        /** This site as of the latest of {@code snapshotTimes}, in nanoseconds since the epoch, ascending. */
        SiteSummary summarize(long[] snapshotTimes, Instant runStart, Instant warmUpEnd,
                              LatestLongs collections, ApplicationCode code) {
            long latest = snapshotTimes[snapshotTimes.length - 1];
            long warmUpEnds = EpochNanos.of(warmUpEnd);
            long firstAfterWarmUp = Arrays.stream(snapshotTimes).filter(t -> t >= warmUpEnds).findFirst()
                    .orElse(latest);

            int live = 0;
            int liveAtFirst = 0;
            int seenBefore = 0;
            int retained = 0;
            long liveBytes = 0;
            long firstAllocation = Long.MAX_VALUE;
            long oldestLive = Long.MAX_VALUE;
            int survivorsNow = 0;
            List<Long> survivorAllocations = new ArrayList<>();
            for (Sighting sighting : objects.values()) {
                boolean aliveNow = sighting.aliveAt(latest);
                if (aliveNow) {
                    live++;
                    liveBytes += Math.max(0, sighting.sizeBytes());
                    oldestLive = Math.min(oldestLive, sighting.allocatedAt());
                    if (survivedBy(sighting, latest, collections)) {
                        survivorsNow++;
                        survivorAllocations.add(sighting.allocatedAt());
                    }
                }
                if (sighting.aliveAt(firstAfterWarmUp) && survivedBy(sighting, firstAfterWarmUp, collections)) {
                    liveAtFirst++;
                }
                if (sighting.first() < latest && survivedBy(sighting, sighting.first(), collections)) {
                    seenBefore++;
                    if (aliveNow) {
                        retained++;
                    }
                }
                firstAllocation = Math.min(firstAllocation, sighting.allocatedAt());
            }
            // A snapshot had arrivals when an object first seen in it was allocated after the snapshot before and
            // after the warm-up, and survived a collection by then.
            Set<Long> arrivals = new HashSet<>();
            for (Sighting sighting : objects.values()) {
                int index = Arrays.binarySearch(snapshotTimes, sighting.first());
                if (index >= 1 && sighting.first() >= warmUpEnds && !arrivals.contains(sighting.first())
                        && sighting.allocatedAt() > snapshotTimes[index - 1]
                        && sighting.allocatedAt() >= warmUpEnds
                        && survivedBy(sighting, sighting.first(), collections)) {
                    arrivals.add(sighting.first());
                }
            }
            int arrivalSnapshots = arrivals.size();
            double retention = seenBefore == 0 ? Double.NaN : (double) retained / seenBefore;
            Shown shown = shownContainer();
            AccumulationPoint point = shown == null ? null : shown.point();
            String exampleValue = representative.description().isEmpty() ? described : representative.description();
            boolean growing = survivorsNow > liveAtFirst || (point != null && point.grew());
            boolean accumulating = arrivalSnapshots >= MIN_ARRIVAL_SNAPSHOTS && retention >= MIN_RETENTION
                    && survivorsNow >= 2 && growing;
            Duration oldestAge = oldestLive == Long.MAX_VALUE ? Duration.ZERO : Duration.ofNanos(latest - oldestLive);
            boolean heldInOneContainer = point != null || !representative.hasReferenceChain();
            boolean steady = heldInOneContainer && runStart != null
                    && allocatedSteadily(survivorAllocations, EpochNanos.of(runStart), latest);
            // The chain shown is the one the accumulation point was read from, so that its marks fall on its steps.
            List<ReferenceStep> chain = point != null ? point.chain() : representative.referenceChain();
            String root = shown != null ? shown.rootDescription() : representative.rootDescription();
            List<StackFrame> stack = shown != null ? shown.stack() : representative.allocationStack();
            Instant firstAllocated = firstAllocation == Long.MAX_VALUE ? null : EpochNanos.toInstant(firstAllocation);
            return new SiteSummary(representative.objectType(), stack, chain, root, point, live, liveAtFirst,
                    arrivalSnapshots, retention, liveBytes, firstAllocated, oldestAge, accumulating, steady,
                    exampleValue, code.firstApplicationFrame(stack));
        }

        /**
         * Whether objects that survived were allocated steadily over the whole run, as a leak's are: their
         * allocation times, scaled to the run, pass a Kolmogorov–Smirnov test against the uniform distribution at the
         * 5% level and reach into its first and last quarters. Request churn leaves only recent survivors, a
         * structure built at start-up only early ones; one emission of samples at the end of a recording is enough
         * to tell them from a leak, if not to prove one.
         */
        private static boolean allocatedSteadily(List<Long> allocations, long runStart, long latest) {
            int m = allocations.size();
            if (m < MIN_STEADY_SAMPLES || latest <= runStart) {
                return false;
            }
            double span = latest - runStart;
            double[] u = allocations.stream().mapToDouble(a -> (a - runStart) / span).sorted().toArray();
            double distance = 0;
            for (int i = 0; i < m; i++) {
                distance = Math.max(distance, Math.max((i + 1.0) / m - u[i], u[i] - (double) i / m));
            }
            return distance <= KS_CRITICAL_AT_5_PERCENT / Math.sqrt(m) && u[0] <= STEADY_COVERAGE
                    && u[m - 1] >= 1 - STEADY_COVERAGE;
        }

        /** The container seen in most snapshots, with its storage's first and latest size. */
        private Shown shownContainer() {
            ContainerId bestId = null;
            TreeMap<Instant, Integer> best = null;
            for (Map.Entry<ContainerId, TreeMap<Instant, Integer>> entry : containerSizes.entrySet()) {
                TreeMap<Instant, Integer> sizes = entry.getValue();
                if (best == null || sizes.size() > best.size()
                        || sizes.size() == best.size() && sizes.lastEntry().getValue() > best.lastEntry().getValue()) {
                    best = sizes;
                    bestId = entry.getKey();
                }
            }
            if (best == null) {
                return null;
            }
            Shown shown = containers.get(bestId);
            return new Shown(shown.point().withSizes(best.firstEntry().getValue(), best.lastEntry().getValue()),
                    shown.rootDescription(), shown.stack());
        }

        /** Whether a collection ran between the object's allocation and {@code seenAt}, so that its sighting counts. */
        private static boolean survivedBy(Sighting sighting, long seenAt, LatestLongs collections) {
            return collections.anyAfterUntil(sighting.allocatedAt(), seenAt);
        }

        private static boolean preferredRepresentative(ObjectSample candidate, ObjectSample current) {
            if (candidate.hasReferenceChain() != current.hasReferenceChain()) {
                return candidate.hasReferenceChain();
            }
            return !candidate.observedAt().isBefore(current.observedAt());
        }
    }

    /** A sampled object: its allocation time, in nanoseconds since the epoch, and its type. */
    private record ObjectKey(long allocatedAt, String type) {
    }

    /** When one sampled object was allocated and first and last seen, in nanoseconds since the epoch. */
    private record Sighting(long allocatedAt, long first, long last, long sizeBytes) {
        Sighting seenAt(long observedAt) {
            return new Sighting(allocatedAt, Math.min(first, observedAt), Math.max(last, observedAt), sizeBytes);
        }

        boolean aliveAt(long time) {
            return first <= time && last >= time;
        }
    }

    /** The latest chain of a container, the root it reached, and the allocation stack of its object. */
    private record Shown(AccumulationPoint point, String rootDescription, List<StackFrame> stack) {
    }
}
