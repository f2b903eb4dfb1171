package io.leakwatch.core;

/** Whether a recording or a running JVM leaks memory. */
public enum Verdict {
    /** The live set grows with statistical confidence and at least one other signal says what grows. */
    LEAK,
    /** The live set (or the heap after every collection, which bounds it) shows no lasting growth. */
    NO_LEAK,
    /** The evidence cannot settle it; {@link Analysis#nextStep()} says what would. */
    INCONCLUSIVE
}
