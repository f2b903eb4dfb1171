package io.leakwatch.jfr;

/**
 * When the monitor takes heap inspections (a class histogram after a full collection, which stops the application
 * for about as long as a full GC; DESIGN.md fact 3).
 */
public enum InspectionMode {
    /** Never: the verdict rests on the collections the JVM runs by itself. */
    OFF,
    /**
     * When the cheap signals suggest growth, then again at the inspection interval while they do, sooner the nearer
     * the heap is to exhaustion; and, to settle an undecided verdict, now and then (twice the interval; eight times
     * once the verdict is {@code NO_LEAK}). The default.
     */
    ON_SUSPICION,
    /** At every inspection interval, sooner the nearer the heap is to exhaustion. */
    PERIODIC
}
