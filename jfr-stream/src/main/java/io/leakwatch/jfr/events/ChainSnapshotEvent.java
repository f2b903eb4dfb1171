package io.leakwatch.jfr.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A snapshot of old-object samples with their reference chains to the GC roots, taken by Leakwatch. Its duration is
 * what it cost the application (the JVM walks the heap from the roots while the application is stopped).
 */
@Name(ChainSnapshotEvent.NAME)
@Label("Reference Chain Snapshot")
@Category("Leakwatch")
@Description("Old-object samples emitted with paths to GC roots")
@StackTrace(false)
public final class ChainSnapshotEvent extends jdk.jfr.Event {
    /** The event's name in recordings. */
    public static final String NAME = "leakwatch.ChainSnapshot";

    /** The cutoff given to the JVM's path search. */
    @Label("Cutoff")
    public String cutoff;
}
