package io.leakwatch.junit;

import java.util.Objects;

/**
 * A type whose live objects grew with every iteration of a leak test (the rule is in {@link LeakTest}).
 *
 * @param typeName         the type, in Java notation ({@code long[]}, {@code com.example.Session})
 * @param instancesBefore  its live instances after the warm-up iterations
 * @param instancesAfter   its live instances after the last iteration
 * @param bytesBefore      their shallow bytes after the warm-up
 * @param bytesAfter       their shallow bytes after the last iteration
 * @param iterations       how many measured iterations there were
 * @param risingIterations in how many of them its instances (or, for one array that only grows, its bytes) reached
 *                         a new high
 */
public record GrowingType(String typeName, long instancesBefore, long instancesAfter, long bytesBefore,
                          long bytesAfter, int iterations, int risingIterations) {

    public GrowingType {
        Objects.requireNonNull(typeName, "typeName");
        if (iterations <= 0 || risingIterations < 0 || risingIterations > iterations) {
            throw new IllegalArgumentException("rising iterations " + risingIterations + " of " + iterations);
        }
    }

    /** Live instances added per iteration, on average. */
    public double instancesPerIteration() {
        return (double) (instancesAfter - instancesBefore) / iterations;
    }

    /** Shallow bytes added per iteration, on average. */
    public double bytesPerIteration() {
        return (double) (bytesAfter - bytesBefore) / iterations;
    }
}
