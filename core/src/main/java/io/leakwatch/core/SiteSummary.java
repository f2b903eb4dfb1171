package io.leakwatch.core;


import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Long-surviving sampled objects of one type from one allocation site, across the old-object snapshots.
 *
 * @param objectType          the sampled type
 * @param allocationSite      the top allocation frames that identify the site, innermost first
 * @param referenceChain      a representative chain from one of its objects to the root, nearest first (empty
 *                            when no snapshot collected chains)
 * @param rootDescription     what kind of root holds that chain, or empty
 * @param accumulationPoint   the array the objects accumulate in, or null when unknown
 * @param liveSamples         how many of its samples were alive in the latest snapshot
 * @param liveSamplesAtFirst  how many were alive in the first snapshot after warm-up
 * @param arrivalSnapshots    in how many snapshots after warm-up objects allocated since the previous snapshot
 *                            had arrived
 * @param retention           share of the samples seen before the latest snapshot that are still alive in it
 *                            (NaN when there were none)
 * @param liveSampleBytes     shallow bytes of its live samples, where the JVM reported sizes (else 0)
 * @param firstAllocation     when its oldest sample was allocated
 * @param oldestAge           age of its oldest live sample at the latest snapshot
 * @param accumulating        whether its objects keep arriving and stay alive across snapshots: the site-level
 *                            sign of a leak
 * @param steady              whether the objects that survived in the latest snapshot were allocated steadily over
 *                            the whole run and are held in one container (or no chain says otherwise): a sign of
 *                            accumulation that one snapshot can show, weaker than {@code accumulating}
 * @param exampleValue        the description of one of its objects, or empty (descriptions are read only when asked
 *                            for: they can hold application data)
 */
public record SiteSummary(String objectType, List<StackFrame> allocationSite, List<ReferenceStep> referenceChain,
                          String rootDescription, AccumulationPoint accumulationPoint, int liveSamples,
                          int liveSamplesAtFirst, int arrivalSnapshots, double retention, long liveSampleBytes,
                          Instant firstAllocation, Duration oldestAge, boolean accumulating, boolean steady,
                          String exampleValue) {

    public SiteSummary {
        allocationSite = List.copyOf(allocationSite);
        referenceChain = List.copyOf(referenceChain);
        exampleValue = exampleValue == null ? "" : exampleValue;
    }

    /** The innermost application frame of the site, else its innermost frame, or null when it has none. */
    public StackFrame frameToShow() {
        return allocationSite.stream().filter(frame -> !frame.isJdkFrame()).findFirst()
                .or(() -> allocationSite.stream().findFirst()).orElse(null);
    }

}
