package io.leakwatch.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A throttled sample of allocation ({@code jdk.ObjectAllocationSample}): where objects of a type are allocated, with
 * a weight standing for the bytes allocated since the previous sample. It says where a type comes from, not whether
 * its objects stay alive: the analysis uses it only to place a type that heap inspections show growing, where
 * old-object samples are off (generational ZGC).
 *
 * @param time            when the sample was taken
 * @param objectType      the allocated type, for example {@code com.example.Customer} or {@code long[]}
 * @param weightBytes     bytes of allocation this sample stands for
 * @param allocationStack the allocation stack trace, innermost frame first (may be empty)
 */
public record AllocationSample(Instant time, String objectType, long weightBytes, List<StackFrame> allocationStack) {

    public AllocationSample {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(objectType, "objectType");
        if (weightBytes < 0) {
            throw new IllegalArgumentException("negative weight in an allocation sample of " + objectType);
        }
        allocationStack = List.copyOf(allocationStack);
    }
}
