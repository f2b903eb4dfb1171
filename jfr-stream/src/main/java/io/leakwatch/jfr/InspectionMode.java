package io.leakwatch.jfr;

/**
 * When the monitor takes heap inspections (a class histogram after a full collection, which stops the application
 * for about as long as a full GC; DESIGN.md fact 3).
 */
public enum InspectionMode {
    /** Never: the verdict rests on the collections the JVM runs by itself. */
    OFF,
    /** When the cheap signals suggest growth, then again at the inspection interval while they do (the default). */
    ON_SUSPICION,
    /** At every inspection interval. */
    PERIODIC
}
