package io.leakwatch.core.internal;

import io.leakwatch.core.AllocationSample;
import io.leakwatch.core.ApplicationCode;
import io.leakwatch.core.StackFrame;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each type is allocated, from throttled allocation samples over the latest {@link #WINDOW}: the weight
 * (bytes allocated) per allocation site, the site cut as old-object sites are ({@link SiteKey}). Used where old-object
 * samples are off, to say where a type that heap inspections show growing comes from. Memory is bounded by
 * {@link #MAX_TYPES} types of {@link #MAX_SITES} sites per minute bucket. Not thread-safe.
 */
final class AllocationSiteTracker {
    /** Allocation long ago says little about a leak now. */
    static final Duration WINDOW = Duration.ofMinutes(10);
    static final int MAX_TYPES = 512;
    static final int MAX_SITES = 16;
    private static final Duration BUCKET = Duration.ofMinutes(1);

    private final Deque<Bucket> buckets = new ArrayDeque<>();
    private final ApplicationCode code;
    private long samples;

    /** @param code what counts as application code, for cutting sites as old-object sites are cut */
    AllocationSiteTracker(ApplicationCode code) {
        this.code = code;
    }

    void record(AllocationSample sample) {
        samples++;
        Instant start = sample.time().truncatedTo(ChronoUnit.MINUTES);
        Bucket bucket = buckets.isEmpty() || buckets.getLast().start.isBefore(start) ? null : find(start);
        if (bucket == null) {
            if (!buckets.isEmpty() && start.isBefore(buckets.getLast().start)) {
                return; // older than the latest minute and not kept: it would not change which site leads
            }
            bucket = new Bucket(start);
            buckets.addLast(bucket);
            while (Duration.between(buckets.getFirst().start, start).compareTo(WINDOW) >= 0) {
                buckets.removeFirst();
            }
        }
        bucket.add(sample.objectType(), SiteKey.frames(sample.allocationStack(), code), sample.weightBytes());
    }

    long sampleCount() {
        return samples;
    }

    /** The site most of the type's sampled allocation came from in the window, or null when none was sampled. */
    Site topSite(String type) {
        Map<List<StackFrame>, Long> weights = new HashMap<>();
        long total = 0;
        int count = 0;
        for (Bucket bucket : buckets) {
            Map<List<StackFrame>, long[]> sites = bucket.types.get(type);
            if (sites == null) {
                continue;
            }
            for (Map.Entry<List<StackFrame>, long[]> site : sites.entrySet()) {
                weights.merge(site.getKey(), site.getValue()[0], Long::sum);
                total += site.getValue()[0];
                count += (int) site.getValue()[1];
            }
        }
        List<StackFrame> best = null;
        long bestWeight = -1;
        for (Map.Entry<List<StackFrame>, Long> entry : weights.entrySet()) {
            if (entry.getValue() > bestWeight) {
                best = entry.getKey();
                bestWeight = entry.getValue();
            }
        }
        return best == null || total <= 0 ? null : new Site(best, (double) bestWeight / total, count);
    }

    private Bucket find(Instant start) {
        for (Bucket bucket : buckets) {
            if (bucket.start.equals(start)) {
                return bucket;
            }
        }
        return null;
    }

    /**
     * Where most of a type's sampled allocation came from.
     *
     * @param frames  the site's frames, innermost first
     * @param share   its share of the type's sampled bytes in the window (0 to 1)
     * @param samples how many samples of the type the window holds
     */
    record Site(List<StackFrame> frames, double share, int samples) {
    }

    /** One minute of samples: per type, per site, the weight and the number of samples. */
    private static final class Bucket {
        final Instant start;
        final Map<String, Map<List<StackFrame>, long[]>> types = new HashMap<>();

        Bucket(Instant start) {
            this.start = start;
        }

        void add(String type, List<StackFrame> site, long weight) {
            Map<List<StackFrame>, long[]> sites = types.get(type);
            if (sites == null) {
                if (types.size() >= MAX_TYPES) {
                    return;
                }
                sites = new HashMap<>();
                types.put(type, sites);
            }
            long[] total = sites.get(site);
            if (total == null) {
                if (sites.size() >= MAX_SITES) {
                    return;
                }
                total = new long[2];
                sites.put(site, total);
            }
            total[0] += weight;
            total[1]++;
        }
    }
}
