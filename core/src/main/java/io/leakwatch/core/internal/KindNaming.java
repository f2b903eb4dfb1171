package io.leakwatch.core.internal;

import io.leakwatch.core.Evidence;
import io.leakwatch.core.SiteSummary;
import io.leakwatch.core.StackFrame;

import java.util.List;

/**
 * What a kind's tracker can say about the code behind its growth, before the decision adds the growth itself: the
 * raw material of a kind's {@link io.leakwatch.core.LeakCandidate}.
 *
 * @param objectType      what accumulates in the kind's terms (loader type, thread class, buffer type, category)
 * @param confirmed       whether it says what grows (loaders that outlive class unloading, threads of one start
 *                        site that explain the growth, an allocation site or a type growing in step, a category)
 * @param growingTypes    classes defined again and again, or application types that grow in step
 * @param stack           the code that defines, starts or allocates, innermost frame first, or empty
 * @param holders         an old-object sample site whose chain shows who holds them, or null
 * @param countPerMinute  owners added per minute (loaders, threads, buffers), or NaN
 * @param namePattern     for threads, their name pattern; else empty
 * @param evidence        what each signal showed
 */
record KindNaming(String objectType, boolean confirmed, List<String> growingTypes, List<StackFrame> stack,
                  SiteSummary holders, double countPerMinute, String namePattern, List<Evidence> evidence) {
    KindNaming {
        growingTypes = List.copyOf(growingTypes);
        stack = List.copyOf(stack);
        evidence = List.copyOf(evidence);
        namePattern = namePattern == null ? "" : namePattern;
    }
}
