package io.leakwatch.junit;

import io.leakwatch.core.ClassHistogram;
import io.leakwatch.core.JdkTypes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The live instances and bytes of every type across the heap inspections of one leak test: the inspection after
 * the warm-up, then one after each measured iteration.
 *
 * <p>What this keeps must not grow from one inspection to the next, or it would show in the next one: the arrays of
 * a type are made once, when the type is first seen, and no histogram is kept.
 */
final class HeapSeries {
    private final int iterations;
    private final Map<String, Counts> types = new HashMap<>();
    private int inspections;

    /** The counts of one type, one slot per inspection. */
    private record Counts(long[] instances, long[] bytes) {
    }

    /** @param iterations the measured iterations, each followed by an inspection */
    HeapSeries(int iterations) {
        this.iterations = iterations;
    }

    /** Makes the counts of the types an inspection shows, without counting it. */
    void prepare(ClassHistogram histogram) {
        for (ClassHistogram.Entry entry : histogram.entries()) {
            counts(entry.typeName());
        }
    }

    /** Adds the next inspection; a type that several class loaders define counts as one. */
    void add(ClassHistogram histogram) {
        if (inspections > iterations) {
            throw new IllegalStateException("all " + (iterations + 1) + " inspections were added");
        }
        for (ClassHistogram.Entry entry : histogram.entries()) {
            Counts counts = counts(entry.typeName());
            counts.instances()[inspections] += entry.instances();
            counts.bytes()[inspections] += entry.bytes();
        }
        inspections++;
    }

    private Counts counts(String typeName) {
        return types.computeIfAbsent(typeName, name -> new Counts(new long[iterations + 1], new long[iterations + 1]));
    }

    /**
     * Whether some type can still grow with every iteration, given the inspections so far: when none can, the
     * verdict is settled and the remaining iterations need no inspection. A type not seen yet would have missed as
     * many new highs as there were inspections after the first.
     */
    boolean undecided() {
        if (inspections - 1 <= GrowthRule.allowedMisses(iterations)) {
            return true;
        }
        for (Counts counts : types.values()) {
            if (GrowthRule.canStillGrow(counts.instances(), inspections, iterations)
                    || GrowthRule.canStillGrow(counts.bytes(), inspections, iterations)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The types that grew with every iteration ({@link GrowthRule}), application types first, then by bytes per
     * iteration. A type counts when its instances grew so, or its bytes did (one array that only grows).
     */
    List<GrowingType> growing() {
        if (inspections != iterations + 1) {
            throw new IllegalStateException(inspections + " of " + (iterations + 1) + " inspections were added");
        }
        List<GrowingType> growing = new ArrayList<>();
        types.forEach((name, counts) -> {
            long[] rising = GrowthRule.growsWithEveryIteration(counts.instances()) ? counts.instances()
                    : GrowthRule.growsWithEveryIteration(counts.bytes()) ? counts.bytes() : null;
            if (rising != null) {
                growing.add(new GrowingType(name, counts.instances()[0], counts.instances()[iterations],
                        counts.bytes()[0], counts.bytes()[iterations], iterations,
                        GrowthRule.newHighs(rising, rising.length)));
            }
        });
        growing.sort(Comparator.comparingInt((GrowingType type) -> rank(type.typeName()))
                .thenComparing(Comparator.comparingDouble(GrowingType::bytesPerIteration).reversed())
                .thenComparing(GrowingType::typeName));
        return growing;
    }

    /** Application classes name a leak best, then hidden classes such as lambdas (after no code), then JDK types. */
    private static int rank(String typeName) {
        if (JdkTypes.isJdk(typeName)) {
            return 2;
        }
        return JdkTypes.isHidden(typeName) ? 1 : 0;
    }
}
