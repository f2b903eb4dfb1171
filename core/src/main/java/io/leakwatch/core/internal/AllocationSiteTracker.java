package io.leakwatch.core.internal;

import io.leakwatch.core.AllocationSample;
import io.leakwatch.core.ApplicationCode;
import io.leakwatch.core.StackFrame;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Where each type is allocated, from throttled allocation samples over the latest {@link #WINDOW}: the weight
 * (bytes allocated) per allocation site, the site cut as old-object sites are ({@link SiteKey}). Used where old-object
 * samples are off or scarce, to say where a type that heap inspections show growing comes from.
 *
 * <p>One table holds every type and site seen in the window, each with a weight and a count per minute of it, so that
 * a site's frames are kept once however many minutes it is sampled in. The table sits in the heap it measures: kept
 * per minute, as it first was, it filled for the whole window (replaying a healthy program's recording under
 * generational ZGC, 5.5 MB after 4.5 minutes and still rising, which the live-set trend measured as growth); kept
 * once, with one instance of each frame, it grows only as new sites are seen (in that replay 0.7 MB after 4.5
 * minutes, 0.05 MB a minute over the last two). Memory is bounded by {@link #MAX_TYPES} types of {@link #MAX_SITES}
 * sites; a site or type not sampled for a whole window is forgotten. Not thread-safe.
 */
final class AllocationSiteTracker {
    /** Allocation long ago says little about a leak now. */
    static final Duration WINDOW = Duration.ofMinutes(10);
    static final int MAX_TYPES = 512;
    static final int MAX_SITES = 16;
    private static final int MINUTES = (int) WINDOW.toMinutes();

    private final Map<String, Map<List<StackFrame>, Weights>> types = new HashMap<>();
    /**
     * One instance of each frame the kept sites hold: sites share most of their frames (that replay's sites held 23,802
     * frames, 1,879 of them distinct).
     */
    private final Map<StackFrame, StackFrame> frames = new HashMap<>();
    private final ApplicationCode code;
    /** The latest minute sampled, in minutes since the epoch; {@link Long#MIN_VALUE} before any sample. */
    private long currentMinute = Long.MIN_VALUE;
    private long samples;

    /** @param code what counts as application code, for cutting sites as old-object sites are cut */
    AllocationSiteTracker(ApplicationCode code) {
        this.code = code;
    }

    void record(AllocationSample sample) {
        samples++;
        long minute = Math.floorDiv(sample.time().getEpochSecond(), 60);
        if (minute > currentMinute) {
            advanceTo(minute);
        } else if (minute <= currentMinute - MINUTES) {
            return; // older than the window
        }
        Map<List<StackFrame>, Weights> sites = types.get(sample.objectType());
        if (sites == null) {
            if (types.size() >= MAX_TYPES) {
                return;
            }
            sites = new HashMap<>();
            types.put(sample.objectType(), sites);
        }
        List<StackFrame> site = SiteKey.frames(sample.allocationStack(), code);
        Weights weights = sites.get(site);
        if (weights == null) {
            if (sites.size() >= MAX_SITES) {
                return;
            }
            weights = new Weights();
            sites.put(shared(site), weights);
        }
        weights.add(slot(minute), sample.weightBytes());
    }

    long sampleCount() {
        return samples;
    }

    /** The site most of the type's sampled allocation came from in the window, or null when none was sampled. */
    Site topSite(String type) {
        Map<List<StackFrame>, Weights> sites = types.get(type);
        if (sites == null) {
            return null;
        }
        long total = 0;
        int count = 0;
        List<StackFrame> best = null;
        long bestWeight = -1;
        for (Map.Entry<List<StackFrame>, Weights> entry : sites.entrySet()) {
            long weight = entry.getValue().weight();
            total += weight;
            count += entry.getValue().count();
            if (weight > bestWeight) {
                best = entry.getKey();
                bestWeight = weight;
            }
        }
        return best == null || total <= 0 ? null : new Site(best, (double) bestWeight / total, count);
    }

    /** The site with each of its frames the instance already kept, if one is. */
    private List<StackFrame> shared(List<StackFrame> site) {
        List<StackFrame> result = new ArrayList<>(site.size());
        for (StackFrame frame : site) {
            result.add(frames.computeIfAbsent(frame, f -> f));
        }
        return List.copyOf(result);
    }

    /**
     * Clears the minutes that leave the window as {@code minute} becomes the latest, forgets what is empty, and keeps
     * in the frame table only the frames of the sites kept.
     */
    private void advanceTo(long minute) {
        boolean forgot = false;
        if (currentMinute != Long.MIN_VALUE) {
            long cleared = Math.min(minute - currentMinute, MINUTES);
            Iterator<Map<List<StackFrame>, Weights>> typeIterator = types.values().iterator();
            while (typeIterator.hasNext()) {
                Map<List<StackFrame>, Weights> sites = typeIterator.next();
                Iterator<Weights> siteIterator = sites.values().iterator();
                while (siteIterator.hasNext()) {
                    Weights weights = siteIterator.next();
                    for (long m = minute - cleared + 1; m <= minute; m++) {
                        weights.clear(slot(m));
                    }
                    if (weights.count() == 0) {
                        siteIterator.remove();
                        forgot = true;
                    }
                }
                if (sites.isEmpty()) {
                    typeIterator.remove();
                }
            }
        }
        if (forgot) {
            frames.clear();
            types.values().forEach(sites -> sites.keySet().forEach(site -> site.forEach(f -> frames.put(f, f))));
        }
        currentMinute = minute;
    }

    private static int slot(long minute) {
        return (int) Math.floorMod(minute, MINUTES);
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

    /** One site's sampled bytes and samples per minute of the window, each minute in its slot. */
    private static final class Weights {
        private final long[] bytes = new long[MINUTES];
        private final int[] counts = new int[MINUTES];

        void add(int slot, long weight) {
            bytes[slot] += weight;
            counts[slot]++;
        }

        void clear(int slot) {
            bytes[slot] = 0;
            counts[slot] = 0;
        }

        long weight() {
            long sum = 0;
            for (long b : bytes) {
                sum += b;
            }
            return sum;
        }

        int count() {
            int sum = 0;
            for (int c : counts) {
                sum += c;
            }
            return sum;
        }
    }
}
