package io.leakwatch.core;

import java.util.Objects;

/**
 * The rules a verdict is decided by, each with a stable id for machines (in {@link Finding} and the JSON report)
 * and the verdict it speaks for. The decision itself is documented in docs/ARCHITECTURE.md.
 */
public enum Rule {
    /** The monitor is not watching this JVM (it has no usable Flight Recorder). */
    NOT_MONITORING("not-monitoring", Verdict.INCONCLUSIVE),
    /** No collections were recorded, so nothing is known about the heap. */
    NO_COLLECTIONS("no-collections", Verdict.INCONCLUSIVE),
    /** Collections were recorded without heap figures ({@code jdk.GCHeapSummary} off). */
    NO_HEAP_FIGURES("no-heap-figures", Verdict.INCONCLUSIVE),
    /** Too few live-set measurements yet to decide either way. */
    TOO_LITTLE_EVIDENCE("too-little-evidence", Verdict.INCONCLUSIVE),
    /**
     * The sequential test found the live set growing: the Bayes factor passed k/α (α shared among the k families of
     * measurement that can carry the trend), by a material amount.
     */
    LIVE_SET_GROWS("live-set-grows", Verdict.LEAK),
    /** The live set rises, with evidence short of the test's bound or of material growth. */
    LIVE_SET_MAY_GROW("live-set-may-grow", Verdict.INCONCLUSIVE),
    /** The upper confidence bound of the live set's slope is below the slowest growth that matters. */
    LIVE_SET_NOT_GROWING("live-set-not-growing", Verdict.NO_LEAK),
    /** The live set grew, then stopped growing: a cache filling to its bound. */
    LIVE_SET_LEVELLED_OFF("live-set-levelled-off", Verdict.NO_LEAK),
    /** The live set rose only back to the level it had before it last dropped: a buffer filled again. */
    BACK_TO_EARLIER_PEAK("back-to-earlier-peak", Verdict.INCONCLUSIVE),
    /** The latest collections that free the old generation leave the heap nearly full. */
    HEAP_EXHAUSTED("heap-exhausted", Verdict.LEAK),
    /** The heap left after collections, an upper bound of the live set, bounds its growth below what matters. */
    HEAP_BOUNDS_GROWTH("heap-bounds-growth", Verdict.NO_LEAK),
    /** The heap after collections rises, but too few measurements of the live set itself tell why. */
    HEAP_AFTER_GC_RISES("heap-after-gc-rises", Verdict.INCONCLUSIVE),
    /** A candidate's growing types or accumulating samples say what grows. */
    CANDIDATE_EXPLAINS_GROWTH("candidate-explains-growth", Verdict.LEAK),
    /** The live set grows, but no inspection or sample says what grows. */
    NOTHING_SAYS_WHAT_GROWS("nothing-says-what-grows", Verdict.INCONCLUSIVE),

    // The rules of the kinds outside the heap: the same decision on each kind's own series ({@link Finding#kind()}
    // and {@link Finding#series()} say which), with values named in the kind's unit (slopeBytesPerSecond,
    // slopeThreadsPerSecond).

    /** Too few measurements of the kind's series yet to decide either way. */
    KIND_TOO_LITTLE_EVIDENCE("kind-too-little-evidence", Verdict.INCONCLUSIVE),
    /** The sequential test found the kind's series growing, by a material amount. */
    KIND_GROWS("kind-grows", Verdict.LEAK),
    /** The kind's series rises, with evidence short of the test's bound or of material growth. */
    KIND_MAY_GROW("kind-may-grow", Verdict.INCONCLUSIVE),
    /** The upper confidence bound of the series' slope is below the slowest growth that matters. */
    KIND_NOT_GROWING("kind-not-growing", Verdict.NO_LEAK),
    /** The series grew, then stopped growing: a pool reaching its bound, metaspace after start-up. */
    KIND_LEVELLED_OFF("kind-levelled-off", Verdict.NO_LEAK),
    /** The series rose only back to the level it had before it last dropped. */
    KIND_BACK_TO_EARLIER_PEAK("kind-back-to-earlier-peak", Verdict.INCONCLUSIVE),
    /** The latest measurements leave the kind's series near its maximum. */
    KIND_EXHAUSTED("kind-exhausted", Verdict.LEAK),
    /** Every sample of the series, an upper bound of its measurements, bounds its growth below what matters. */
    KIND_SAMPLES_BOUND_GROWTH("kind-samples-bound-growth", Verdict.NO_LEAK),
    /** Every sample of the series rises, but too few measurements after collections tell why. */
    KIND_SAMPLES_RISE("kind-samples-rise", Verdict.INCONCLUSIVE),
    /** A candidate names the code behind the kind's growth (loaders, thread starts, allocation sites, category). */
    KIND_CODE_NAMED("kind-code-named", Verdict.LEAK),
    /** The kind's series grows, but nothing recorded names the code behind it. */
    KIND_NOTHING_NAMED("kind-nothing-named", Verdict.INCONCLUSIVE);

    private final String id;
    private final Verdict speaksFor;

    Rule(String id, Verdict speaksFor) {
        this.id = Objects.requireNonNull(id);
        this.speaksFor = speaksFor;
    }

    /** The stable id, for example {@code live-set-grows}. */
    public String id() {
        return id;
    }

    /** The verdict a finding of this rule speaks for. */
    public Verdict speaksFor() {
        return speaksFor;
    }
}
