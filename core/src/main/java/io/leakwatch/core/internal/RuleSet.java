package io.leakwatch.core.internal;

import io.leakwatch.core.Finding;
import io.leakwatch.core.LeakKind;
import io.leakwatch.core.Rule;

/**
 * Which rule ids the decision's findings carry, and how their values are named, for the series being decided: the
 * live set (the {@code live-set-*} and {@code heap-*} rules, values in bytes), or one series of a kind outside the
 * heap (the {@code kind-*} rules, with the kind and series in the finding and values named in the kind's unit:
 * {@code slopeBytesPerSecond}, {@code slopeThreadsPerSecond}). The statistics are the same for every series; only
 * the labels differ.
 *
 * @param kind   what the series is about
 * @param series which series of the kind, empty for the heap
 */
record RuleSet(LeakKind kind, String series, Rule grows, Rule mayGrow, Rule backToEarlierPeak, Rule notGrowing,
               Rule levelledOff, Rule exhausted, Rule samplesBoundGrowth, Rule samplesRise) {

    static final RuleSet HEAP = new RuleSet(LeakKind.HEAP, "", Rule.LIVE_SET_GROWS, Rule.LIVE_SET_MAY_GROW,
            Rule.BACK_TO_EARLIER_PEAK, Rule.LIVE_SET_NOT_GROWING, Rule.LIVE_SET_LEVELLED_OFF, Rule.HEAP_EXHAUSTED,
            Rule.HEAP_BOUNDS_GROWTH, Rule.HEAP_AFTER_GC_RISES);

    /** The rules of one series of a kind outside the heap. */
    static RuleSet of(LeakKind kind, String series) {
        return new RuleSet(kind, series, Rule.KIND_GROWS, Rule.KIND_MAY_GROW, Rule.KIND_BACK_TO_EARLIER_PEAK,
                Rule.KIND_NOT_GROWING, Rule.KIND_LEVELLED_OFF, Rule.KIND_EXHAUSTED, Rule.KIND_SAMPLES_BOUND_GROWTH,
                Rule.KIND_SAMPLES_RISE);
    }

    /** A finding of {@code rule} about this series. */
    Finding finding(Rule rule) {
        return kind == LeakKind.HEAP ? Finding.of(rule) : Finding.of(rule, kind, series);
    }

    /** A value's name in the series' unit: {@code unit("slope%sPerSecond")} is {@code slopeBytesPerSecond}. */
    String unit(String pattern) {
        return String.format(pattern, kind.unit().word());
    }

    /** The name of the maximum in {@link Rule#HEAP_EXHAUSTED} and {@link Rule#KIND_EXHAUSTED}. */
    String maxName() {
        return kind == LeakKind.HEAP ? "maxHeapBytes" : unit("max%s");
    }

    /** The name of the count of every-sample values (after-GC heap values for the heap). */
    String samplesName() {
        return kind == LeakKind.HEAP ? "collections" : "samples";
    }

    /** The name of the count of measurements in {@link #samplesRise}. */
    String measurementsName() {
        return kind == LeakKind.HEAP ? "liveSetMeasurements" : "measurements";
    }
}
