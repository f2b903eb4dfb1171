package io.leakwatch.jfr.internal;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Which evidence the monitor gathers, chosen by the collector of this JVM. Old-object samples say where long-lived
 * objects come from and who holds them, but under generational ZGC the sampler keeps every sampled object alive until
 * an old collection, since that collector processes weak references only then: allocation stalls follow (measured
 * here: 3,130-3,270 stalls with the sampler on continuously against 1,600-1,950 without, DESIGN.md fact 13), and the
 * JDK disabled the event for that collector (JDK-8382740). There the monitor leaves the sampler off, takes
 * throttled allocation samples instead to say where growing types are allocated, and samples old objects only in
 * short windows while growth is suspected, to learn who holds them.
 *
 * @param continuousOldObjectSamples whether {@code jdk.OldObjectSample} is on in the monitor's recording
 * @param allocationSamples          whether {@code jdk.ObjectAllocationSample} is
 * @param oldObjectWindows           whether old objects are sampled in short windows while growth is suspected
 * @param collector                  the collector, as its management beans name it, for the log
 */
record EvidencePlan(boolean continuousOldObjectSamples, boolean allocationSamples, boolean oldObjectWindows,
                    String collector) {

    /** The plan for the collector this JVM runs. */
    static EvidencePlan forThisJvm() {
        return forCollectors(ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList());
    }

    /**
     * The plan for a JVM whose collectors' management beans have these names. Generational ZGC names its beans
     * {@code ZGC Minor Cycles}, {@code ZGC Major Cycles} and their pauses; single-generation ZGC {@code ZGC Cycles}.
     */
    static EvidencePlan forCollectors(List<String> beanNames) {
        boolean generationalZgc = generationalZgc(beanNames);
        String collector = String.join(", ", beanNames);
        return generationalZgc ? new EvidencePlan(false, true, true, collector)
                : new EvidencePlan(true, false, false, collector);
    }

    /** Whether the collector is generational ZGC, from the names of its management beans. */
    static boolean generationalZgc(List<String> beanNames) {
        return beanNames.stream().anyMatch(name -> name.startsWith("ZGC Minor") || name.startsWith("ZGC Major"));
    }

    /** Whether the monitor's recording enables an event type of the analysis. */
    boolean enables(String eventName) {
        return switch (eventName) {
            case OldObjectSampleHandler.NAME -> continuousOldObjectSamples;
            case ObjectAllocationSampleHandler.NAME -> allocationSamples;
            default -> true;
        };
    }
}
