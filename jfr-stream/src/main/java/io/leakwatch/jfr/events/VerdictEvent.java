package io.leakwatch.jfr.events;

import io.leakwatch.core.Verdict;
import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The monitor's verdict changed, or its top candidate did. Written so that JMC and {@code jfr print} show what the
 * monitor concluded, and when, beside the evidence.
 */
@Name(VerdictEvent.NAME)
@Label("Leak Verdict")
@Category("Leakwatch")
@StackTrace(false)
public final class VerdictEvent extends jdk.jfr.Event {
    /** The event's name in recordings. */
    public static final String NAME = "leakwatch.Verdict";

    /** {@code LEAK}, {@code NO_LEAK} or {@code INCONCLUSIVE}. */
    @Label("Verdict")
    public String verdict;

    /** Why. */
    @Label("Reason")
    public String reason;

    /** The top candidate's type, or null. */
    @Label("Top Candidate")
    public String topCandidate;

    /** The top candidate's first application frame, or null. */
    @Label("Allocation Site")
    public String allocationSite;

    /** Where the top candidate's objects accumulate, or null. */
    @Label("Accumulation Point")
    public String accumulationPoint;

    /** The top candidate's growth, or 0 when unknown. */
    @Label("Growth Per Minute")
    @DataAmount
    public long growthBytesPerMinute;
}
