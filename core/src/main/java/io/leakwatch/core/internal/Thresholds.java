package io.leakwatch.core.internal;

import java.time.Duration;
import java.util.Set;

/**
 * Every fixed threshold of the decision, in one place, each with the reason for its value. Settings a user may
 * change (α, β, the warm-up, material growth) are in {@link io.leakwatch.core.AnalyzerConfig}.
 */
final class Thresholds {
    /** A live set above this share of the maximum heap has filled it. */
    static final double FULL_HEAP_SHARE = 0.9;
    /**
     * The heap counts as exhausted when this many of the latest collections that free the old generation (or heap
     * inspections) in a row leave it above {@link #FULL_HEAP_SHARE}: one full measurement can be a burst; two in a
     * row are a heap the collector can no longer empty.
     */
    static final int EXHAUSTED_MEASUREMENTS = 2;
    /**
     * Growth at a rate that makes material growth within this time matters even when it would not exhaust the heap
     * within the exhaustion horizon: with the defaults, 4 MiB in 10 minutes. A listener leak under ZGC grew 3.3 MB
     * in its first 16 s (12.5 MB/min) and was called NO_LEAK before this floor.
     */
    static final Duration MATERIAL_HORIZON = Duration.ofMinutes(10);
    /**
     * Prior scales of slope/noise, per second, averaged in the Bayes factor: from a leak that grows by a thousandth
     * of its measurement noise a second (a slow leak under a noisy batch job) to twenty noise widths a second (a
     * fast leak measured exactly), a factor 3 apart. Each costs ln(10) = 2.3 of the evidence a leak needs, as a
     * price for not knowing the leak's rate beforehand.
     */
    static final double[] PRIOR_SCALES_PER_SECOND = {0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 20};
    /**
     * A Bayes factor of 10 ("strong" on Jeffreys' scale) for growth of the live set or of the heap after collections
     * makes growth suspected: worth a heap inspection, not a verdict.
     */
    static final double SUSPICION_LOG_BAYES_FACTOR = Math.log(10);
    /**
     * The live set has levelled off when the later half of its measurements rises at less than this share of the
     * whole window's slope (and its upper confidence bound is below that slope): a cache that filled to its bound.
     */
    static final double LEVELLED_SLOPE_RATIO = 0.3;
    /** Fewer points than this in a later half cannot show levelling off. */
    static final int MIN_POINTS_TO_LEVEL_OFF = 4;
    /** Fewer measurements than this leave too little room for noise to say "no growth" (two degrees of freedom). */
    static final int MIN_POINTS_FOR_NO_LEAK = 4;
    /**
     * A candidate whose growth explains less than this share of the live-set growth does not confirm it: a
     * {@code HashSet} that rose in two inspections backed a Serial GC cache's sawtooth.
     */
    static final double MIN_SHARE_OF_GROWTH = 0.1;
    /** Below this share a candidate is not listed at all: it is noise beside the growth it would have to explain. */
    static final double MIN_SHARE_LISTED = 0.05;
    /**
     * An allocation site places a candidate only when it carries at least this share of its type's sampled
     * allocation, from at least {@link #MIN_ALLOCATION_SAMPLES} samples: allocation is not retention, and a type
     * allocated all over (a {@code byte[]}) is not placed by its busiest site.
     */
    static final double MIN_ALLOCATION_SHARE = 0.5;
    static final int MIN_ALLOCATION_SAMPLES = 3;
    /**
     * The warm-up ends early at the first collection after which the heap is at least {@code URGENT_HEAP_SHARE}
     * full and the slope of its latest {@code URGENT_TREND_POINTS} after-GC values would fill the rest within
     * {@code URGENT_EXHAUSTION}: a leak of 4 MB/s into a 96 MB heap killed its JVM in 20 s, inside a 30 s warm-up,
     * while a start-up that fills half the heap that fast is rare.
     */
    static final double URGENT_HEAP_SHARE = 0.5;
    static final int URGENT_TREND_POINTS = 8;
    static final Duration URGENT_EXHAUSTION = Duration.ofSeconds(60);

    /**
     * The kinds outside the heap share one false-alarm rate α among their series (Bonferroni): each of class
     * metadata, threads and direct memory is tested at α / 4, and native memory's α / 4 is shared among its
     * categories. The heap keeps its own α, so the verdict's false-alarm rate is at most 2α.
     */
    static final int KINDS_SHARING_ALPHA = 4;
    /**
     * Material growth of the live-thread count: a pool that grows by a few under load is normal; 16 more threads
     * reserve 16 MB of stacks, and a leak of one thread a minute passes it in 16 minutes.
     */
    static final double MATERIAL_THREADS = 16;
    /**
     * Threads of one name pattern and starting stack name the code behind a growing thread count when they are at
     * least this many, started since the growth began and still alive ...
     */
    static final int MIN_THREADS_NAMED = 4;
    /** ... and at least this share of that growth: one site explaining half the new threads is where they come from. */
    static final double MIN_SHARE_OF_THREAD_GROWTH = 0.5;
    /**
     * Loaders of one type name the code behind growing metaspace when at least this many, created since the growth
     * began, outlived a collection that unloads classes (a healthy hot reload keeps one or two alive; a server's
     * applications were loaded before) ...
     */
    static final int MIN_SURVIVING_LOADERS = 4;
    /**
     * ... created between at least this many different pairs of such collections: loaders that keep coming, not one
     * application deployed at one moment.
     */
    static final int MIN_LOADER_ARRIVALS = 3;
    /** A class defined this many times (by as many loaders) is being defined again and again. */
    static final int MIN_REDEFINITIONS = 3;
    /**
     * Native Memory Tracking categories another kind decides, or that follow the heap or the monitor itself: the heap
     * and its collector's structures (the heap kind), class metadata (Class, Metaspace), thread stacks and thread
     * structures (threads), JFR's own buffers (Tracing) and NMT's own bookkeeping, class-data sharing's fixed
     * mapping.
     */
    static final Set<String> NATIVE_CATEGORIES_DECIDED_ELSEWHERE = Set.of("Java Heap", "GC", "GCCardSet", "Class",
            "Metaspace", "Thread", "Thread Stack", "Tracing", "Native Memory Tracking", "Shared class space", "Test");

    private Thresholds() {
    }
}
