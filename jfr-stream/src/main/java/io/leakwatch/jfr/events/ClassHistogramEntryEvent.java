package io.leakwatch.jfr.events;

import io.leakwatch.core.Bytes;
import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One line of the class histogram of a {@link HeapInspectionEvent}. */
@Name(ClassHistogramEntryEvent.NAME)
@Label("Class Histogram Entry")
@Category("Leakwatch")
@StackTrace(false)
public final class ClassHistogramEntryEvent extends jdk.jfr.Event {
    /** The event's name in recordings. */
    public static final String NAME = "leakwatch.ClassHistogramEntry";

    /** The inspection this line belongs to. */
    @Label("Inspection Id")
    public long inspectionId;

    /** The type, in Java notation ({@code byte[]}, {@code java.lang.String}). */
    @Label("Type")
    public String typeName;

    /** Number of instances. */
    @Label("Instances")
    public long instances;

    /** Their total shallow size. */
    @Label("Bytes")
    @DataAmount
    public long bytes;
}
