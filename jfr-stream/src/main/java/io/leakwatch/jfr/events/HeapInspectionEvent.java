package io.leakwatch.jfr.events;

import io.leakwatch.core.Bytes;
import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A heap inspection Leakwatch took: a class histogram, normally after a full collection. Its duration is what the
 * inspection cost the application. The histogram's lines follow as {@link ClassHistogramEntryEvent}s with the same
 * {@code inspectionId}, committed before this event.
 */
@Name(HeapInspectionEvent.NAME)
@Label("Heap Inspection")
@Category("Leakwatch")
@Description("A class histogram taken by Leakwatch to measure the live set and see which types grow")
@StackTrace(false)
public final class HeapInspectionEvent extends jdk.jfr.Event {
    /** The event's name in recordings. */
    public static final String NAME = "leakwatch.HeapInspection";

    /** Ties the histogram lines to this inspection. */
    @Label("Inspection Id")
    public long inspectionId;

    /** Whether a full collection ran first, so that only live objects were counted. */
    @Label("After Full GC")
    public boolean afterFullGc;

    /** Bytes of all objects counted: the live set when {@code afterFullGc}. */
    @Label("Total Bytes")
    @DataAmount
    public long totalBytes;

    /** Number of objects counted. */
    @Label("Total Instances")
    public long totalInstances;

    /** How many histogram lines were written (the largest types; the rest are summed in the totals). */
    @Label("Types Written")
    public int typesWritten;
}
