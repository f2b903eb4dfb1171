package io.leakwatch.core.internal;

import io.leakwatch.core.AccumulationPoint;
import io.leakwatch.core.SiteSummary;
import io.leakwatch.core.ObjectSample;
import io.leakwatch.core.ReferenceStep;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
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
 * snapshots kept ({@value #MAX_SNAPSHOTS}) times the sampler's queue size. Not thread-safe.
 *
 * <p>The JVM drops a dead object from its samples only when a collection processes it, so a sample seen in a
 * snapshot proves nothing until a collection has run between its allocation and that snapshot: before that, request
 * garbage looks as alive as a leak (seen under ZGC, whose cycles are seconds apart). Only such survivors count for
 * arrivals, retention and growth.
 */
public final class SiteTracker {
    static final int MAX_SNAPSHOTS = 64;
    /** Of the objects seen before the latest snapshot, at least this share must still be alive at a leaking site. */
    static final double MIN_RETENTION = 0.5;
    /** Objects must have arrived in at least this many snapshots after warm-up. */
    static final int MIN_ARRIVAL_SNAPSHOTS = 2;
    /** Arrays shorter than this are not taken for accumulation points. */
    static final int MIN_CONTAINER_SIZE = 16;
    /** Nor are runs of fewer links than this (a hash bucket's few nodes). */
    static final int MIN_LINK_RUN = 8;
    /** Collection times kept; older ones matter only for samples older than every snapshot kept. */
    static final int MAX_COLLECTIONS = 4096;

    private final Duration warmUp;
    private final NavigableSet<Instant> snapshots = new TreeSet<>();
    private final NavigableSet<Instant> collections = new TreeSet<>();
    private final Map<SiteKey, Site> sites = new HashMap<>();
    private Instant firstEventTime;

    /** @param warmUp objects allocated within this span of the first event are start-up state, not arrivals */
    public SiteTracker(Duration warmUp) {
        this.warmUp = warmUp;
    }

    /** Tells the tracker when the observed run started, for the warm-up. */
    public void noteRunStart(Instant time) {
        if (firstEventTime == null || time.isBefore(firstEventTime)) {
            firstEventTime = time;
        }
    }

    /** Tells the tracker that a collection ended then: samples allocated before it and seen after it survived it. */
    public void noteCollection(Instant end) {
        collections.add(end);
        if (collections.size() > MAX_COLLECTIONS) {
            collections.pollFirst();
        }
    }

    /** Adds one sample of one snapshot. Repeated samples (the same object in the same snapshot) are ignored. */
    public void record(ObjectSample sample) {
        noteRunStart(sample.allocationTime());
        if (!snapshots.contains(sample.observedAt())) {
            if (snapshots.size() == MAX_SNAPSHOTS && sample.observedAt().isBefore(snapshots.first())) {
                return; // older than everything kept
            }
            snapshots.add(sample.observedAt());
            if (snapshots.size() > MAX_SNAPSHOTS) {
                forgetBefore(snapshots.pollFirst());
            }
        }
        sites.computeIfAbsent(SiteKey.of(sample), key -> new Site()).record(sample);
    }

    /** Number of distinct snapshots kept. */
    public int snapshotCount() {
        return snapshots.size();
    }

    /** Every site, most live samples first. */
    public List<SiteSummary> summaries() {
        List<SiteSummary> result = new ArrayList<>();
        if (snapshots.isEmpty()) {
            return result;
        }
        Instant warmUpEnd = firstEventTime == null ? Instant.MIN : firstEventTime.plus(warmUp);
        List<Instant> times = new ArrayList<>(snapshots);
        List<Instant> untilPrevious = times.subList(0, times.size() - 1);
        for (Map.Entry<SiteKey, Site> entry : sites.entrySet()) {
            SiteSummary summary = entry.getValue().summarize(entry.getKey(), times, warmUpEnd, collections);
            // The JVM's samples of one snapshot can reach a live stream in two flushes; until the rest arrives, a
            // site missing from the latest snapshot looks dead (seen live under ZGC: a LEAK withdrawn for a second).
            // So a site that accumulated up to the previous snapshot is summarized as of that one.
            if (!summary.accumulating() && !untilPrevious.isEmpty()) {
                SiteSummary previous = entry.getValue().summarize(entry.getKey(), untilPrevious, warmUpEnd,
                        collections);
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
            site.forgetBefore(oldest);
            if (site.isEmpty()) {
                iterator.remove();
            }
        }
    }

    /** What one site's objects did across snapshots. */
    private static final class Site {
        private final Map<ObjectKey, Sighting> objects = new HashMap<>();
        /** Length of each accumulation array (by its holder path) per snapshot. */
        private final Map<List<String>, TreeMap<Instant, Integer>> containerSizes = new HashMap<>();
        private ObjectSample representative;
        /** The latest non-empty description of any of its samples, for when the representative has none. */
        private String described = "";

        void record(ObjectSample sample) {
            ObjectKey key = new ObjectKey(sample.allocationTime(), sample.objectType());
            Sighting sighting = objects.get(key);
            if (sighting == null) {
                objects.put(key, new Sighting(sample.allocationTime(), sample.observedAt(), sample.observedAt(),
                        sample.sizeBytes()));
            } else {
                objects.put(key, sighting.seenAt(sample.observedAt()));
            }
            if (!sample.description().isEmpty()) {
                described = sample.description();
            }
            if (representative == null || preferredRepresentative(sample, representative)) {
                representative = sample;
            }
            Container container = Container.of(sample.referenceChain());
            if (container != null) {
                containerSizes.computeIfAbsent(container.heldBy(), k -> new TreeMap<>())
                        .merge(sample.observedAt(), container.size(), Math::max);
            }
        }

        void forgetBefore(Instant oldest) {
            objects.values().removeIf(sighting -> sighting.last().isBefore(oldest));
            for (TreeMap<Instant, Integer> sizes : containerSizes.values()) {
                sizes.headMap(oldest, true).clear();
            }
            containerSizes.values().removeIf(Map::isEmpty);
        }

        boolean isEmpty() {
            return objects.isEmpty();
        }

        SiteSummary summarize(SiteKey key, List<Instant> times, Instant warmUpEnd, NavigableSet<Instant> collections) {
            Instant latest = times.get(times.size() - 1);
            List<Instant> afterWarmUp = times.stream().filter(t -> !t.isBefore(warmUpEnd)).toList();
            Instant firstAfterWarmUp = afterWarmUp.isEmpty() ? latest : afterWarmUp.get(0);

            int live = 0;
            int liveAtFirst = 0;
            int seenBefore = 0;
            int retained = 0;
            long liveBytes = 0;
            Instant firstAllocation = null;
            Instant oldestLive = null;
            int survivorsNow = 0;
            for (Sighting sighting : objects.values()) {
                boolean aliveNow = sighting.aliveAt(latest);
                if (aliveNow) {
                    live++;
                    liveBytes += Math.max(0, sighting.sizeBytes());
                    oldestLive = min(oldestLive, sighting.allocationTime());
                    if (survivedBy(sighting, latest, collections)) {
                        survivorsNow++;
                    }
                }
                if (sighting.aliveAt(firstAfterWarmUp) && survivedBy(sighting, firstAfterWarmUp, collections)) {
                    liveAtFirst++;
                }
                if (sighting.first().isBefore(latest) && survivedBy(sighting, sighting.first(), collections)) {
                    seenBefore++;
                    if (aliveNow) {
                        retained++;
                    }
                }
                firstAllocation = min(firstAllocation, sighting.allocationTime());
            }
            int arrivalSnapshots = 0;
            for (int i = 1; i < times.size(); i++) {
                Instant previous = times.get(i - 1);
                Instant current = times.get(i);
                if (current.isBefore(warmUpEnd)) {
                    continue;
                }
                boolean arrived = objects.values().stream().anyMatch(s -> s.first().equals(current)
                        && s.allocationTime().isAfter(previous) && !s.allocationTime().isBefore(warmUpEnd)
                        && survivedBy(s, current, collections));
                if (arrived) {
                    arrivalSnapshots++;
                }
            }
            double retention = seenBefore == 0 ? Double.NaN : (double) retained / seenBefore;
            AccumulationPoint point = accumulationPoint();
            String exampleValue = representative.description().isEmpty() ? described : representative.description();
            boolean growing = survivorsNow > liveAtFirst || (point != null && point.grew());
            boolean accumulating = arrivalSnapshots >= MIN_ARRIVAL_SNAPSHOTS && retention >= MIN_RETENTION
                    && survivorsNow >= 2 && growing;
            Duration oldestAge = oldestLive == null ? Duration.ZERO : Duration.between(oldestLive, latest);
            return new SiteSummary(key.objectType(), key.frames(), representative.referenceChain(),
                    representative.rootDescription(), point, live, liveAtFirst, arrivalSnapshots, retention,
                    liveBytes, firstAllocation, oldestAge, accumulating, exampleValue);
        }

        /** The holder path seen in most snapshots, with its first and latest array length. */
        private AccumulationPoint accumulationPoint() {
            List<String> bestPath = null;
            TreeMap<Instant, Integer> best = null;
            for (Map.Entry<List<String>, TreeMap<Instant, Integer>> entry : containerSizes.entrySet()) {
                TreeMap<Instant, Integer> sizes = entry.getValue();
                if (best == null || sizes.size() > best.size()
                        || sizes.size() == best.size() && sizes.lastEntry().getValue() > best.lastEntry().getValue()) {
                    best = sizes;
                    bestPath = entry.getKey();
                }
            }
            if (best == null) {
                return null;
            }
            return new AccumulationPoint(String.format(Locale.ROOT, bestPath.get(0), best.lastEntry().getValue()),
                    bestPath.subList(1, bestPath.size()), best.firstEntry().getValue(), best.lastEntry().getValue());
        }

        /** Whether a collection ran between the object's allocation and {@code seenAt}, so that its sighting counts. */
        private static boolean survivedBy(Sighting sighting, Instant seenAt, NavigableSet<Instant> collections) {
            Instant after = collections.higher(sighting.allocationTime());
            return after != null && !after.isAfter(seenAt);
        }

        private static boolean preferredRepresentative(ObjectSample candidate, ObjectSample current) {
            if (candidate.hasReferenceChain() != current.hasReferenceChain()) {
                return candidate.hasReferenceChain();
            }
            return !candidate.observedAt().isBefore(current.observedAt());
        }

        private static Instant min(Instant a, Instant b) {
            return a == null || b.isBefore(a) ? b : a;
        }
    }

    private record ObjectKey(Instant allocationTime, String type) {
    }

    /** When one sampled object was first and last seen. */
    private record Sighting(Instant allocationTime, Instant first, Instant last, long sizeBytes) {
        Sighting seenAt(Instant observedAt) {
            Instant newFirst = observedAt.isBefore(first) ? observedAt : first;
            Instant newLast = observedAt.isAfter(last) ? observedAt : last;
            return new Sighting(allocationTime, newFirst, newLast, sizeBytes);
        }

        boolean aliveAt(Instant time) {
            return !first.isAfter(time) && !last.isBefore(time);
        }
    }

    /**
     * Where the objects of a chain accumulate, and the path that holds it: the longest array, for example {@code
     * [Object[%d], ArrayList.elementData, static Cache.ENTRIES]}; or, in a chain without one, the longest run of
     * links through one field (a linked list or queue), for example {@code [LinkedList$Node.prev \u00d7 %d,
     * LinkedList.last, static Log.ENTRIES]}. The first element is a format of the size, which changes as the
     * container grows: an array's length, or the number of links between the sampled object and the holder.
     */
    private record Container(List<String> heldBy, int size) {
        static Container of(List<ReferenceStep> chain) {
            int bestIndex = -1;
            for (int i = 0; i < chain.size(); i++) {
                ReferenceStep step = chain.get(i);
                if (step.isArray() && step.arraySize() >= MIN_CONTAINER_SIZE
                        && (bestIndex < 0 || step.arraySize() > chain.get(bestIndex).arraySize())) {
                    bestIndex = i;
                }
            }
            if (bestIndex >= 0) {
                // "Object[6000]" with a place for its length.
                String array = chain.get(bestIndex).describe().replaceFirst("\\[\\d+]$", "[%d]");
                return new Container(path(array, chain, bestIndex + 1), chain.get(bestIndex).arraySize());
            }
            int runStart = -1;
            int runSteps = 0;
            int runLinks = 0;
            for (int i = 0; i < chain.size(); i++) {
                int steps = ReferenceStep.linkRun(chain, i);
                int links = ReferenceStep.links(chain, i, steps);
                if (links >= MIN_LINK_RUN && links > runLinks) {
                    runStart = i;
                    runSteps = steps;
                    runLinks = links;
                }
            }
            if (runStart < 0) {
                return null;
            }
            return new Container(path(chain.get(runStart).describe() + " \u00d7 %d", chain, runStart + runSteps),
                    runLinks);
        }

        private static List<String> path(String container, List<ReferenceStep> chain, int holdersFrom) {
            List<String> path = new ArrayList<>();
            path.add(container);
            for (int i = holdersFrom; i < chain.size(); i++) {
                path.add(chain.get(i).describe());
            }
            return List.copyOf(path);
        }
    }
}
