package io.leakwatch.junit;

import io.leakwatch.jfr.HeapInspection;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One leak test: runs the warm-up iterations, inspects the heap, then runs the measured iterations with an
 * inspection after each, and decides with {@link GrowthRule}. Old-object samples are recorded throughout, and read
 * only when a leak is found. Everything runs on the calling thread.
 */
final class LeakTestRun {
    private final int warmUpIterations;
    private final int iterations;

    /** @throws IllegalArgumentException naming the setting that is out of range */
    LeakTestRun(int warmUpIterations, int iterations) {
        if (warmUpIterations < 0) {
            throw new IllegalArgumentException("warmUp must not be negative, was " + warmUpIterations);
        }
        if (iterations < GrowthRule.MIN_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be at least " + GrowthRule.MIN_ITERATIONS
                    + " (fewer cannot tell a leak from a structure that fills up), was " + iterations);
        }
        this.warmUpIterations = warmUpIterations;
        this.iterations = iterations;
    }

    /**
     * Runs {@code iteration} {@code warmUp + iterations} times.
     *
     * @return the leak, or empty when no type grew with every iteration
     * @throws Throwable what an iteration threw, as it threw it
     */
    Optional<Leak> run(Executable iteration) throws Throwable {
        Objects.requireNonNull(iteration, "iteration");
        try (ObjectSampleRecording samples = ObjectSampleRecording.start()) {
            for (int i = 0; i < warmUpIterations; i++) {
                iteration.execute();
            }
            HeapSeries series = new HeapSeries(iterations);
            // The first inspection makes the series' arrays, which the next one would count as growth of long[],
            // HashMap$Node and String; so the baseline is a second inspection, taken right after.
            series.prepare(HeapInspection.classHistogram());
            series.add(HeapInspection.classHistogram());
            boolean undecided = true;
            for (int i = 0; i < iterations; i++) {
                iteration.execute();
                if (undecided) {
                    series.add(HeapInspection.classHistogram());
                    // Once no type can grow with every iteration, the iterations go on without inspections.
                    undecided = series.undecided();
                }
            }
            if (!undecided) {
                return Optional.empty();
            }
            List<GrowingType> growing = series.growing();
            if (growing.isEmpty()) {
                return Optional.empty();
            }
            ObjectSampleRecording.Search search = samples.sampleOf(growing.stream().map(GrowingType::typeName)
                    .toList());
            return Optional.of(new Leak(growing.get(0), growing.subList(1, growing.size()), warmUpIterations,
                    search.sample(), search.missing()));
        }
    }
}
