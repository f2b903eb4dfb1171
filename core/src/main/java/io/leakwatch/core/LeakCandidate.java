package io.leakwatch.core;


import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something that may be leaking: what it is, where it was allocated, who holds it, how fast it grows, and the
 * evidence for each of these.
 *
 * @param objectType               the type that accumulates (an application type where one is known)
 * @param status                   whether it explains a measured growth of the live set, or is only suspected
 * @param growingTypes             every type that grows with it (for example the array it holds and the map node
 *                                 that holds it), fastest first
 * @param allocationSite           the allocation stack trace, innermost frame first, or empty when no old-object
 *                                 sample matched
 * @param referenceChain           a chain from one of its objects to the GC root, nearest first, or empty
 * @param rootDescription          the kind of root, or empty
 * @param accumulationPoint        the array its objects accumulate in, or null
 * @param liveSamples              its old-object samples alive in the latest snapshot
 * @param oldestAge                age of the oldest of them
 * @param firstSeen                allocation time of its oldest sample, or the first heap inspection that showed it,
 *                                 or null
 * @param growthBytesPerMinute     growth of its types between heap inspections, or NaN when unknown
 * @param growthInstancesPerMinute instances per minute of its principal type, or NaN when unknown
 * @param shareOfLiveSetGrowth     its growth as a share of the live-set growth (0 to 1), or NaN when unknown
 * @param confidence               0 to 1: how many independent signals agree, and how strongly
 * @param evidence                 one entry per signal it rests on
 * @param exampleValue             the description of one of its sampled objects, or empty (read only when asked for)
 * @param applicationFrame         the index in {@code allocationSite} of its innermost application frame, or -1
 * @param fingerprint              a stable id of the leak, the same across restarts, hosts and recordings: a hash of
 *                                 its container's type and field and what holds it (the suspect reference when
 *                                 the application holds it directly; a misnamed field as the field it was
 *                                 resolved to), or without a container of its type and application frame; never
 *                                 of addresses, sizes, lines or the route to the root
 * @param kind                     what leaks: the heap, or a kind outside it; for the other kinds, {@code objectType}
 *                                 is the class-loader type (class metadata), the thread class (threads),
 *                                 {@code java.nio.DirectByteBuffer} (direct memory) or the Native Memory Tracking
 *                                 category (native memory), {@code growingTypes} the classes defined again and again
 *                                 (class metadata) or the application types that grow in step (direct memory),
 *                                 {@code allocationSite} the stack that defines the classes, starts the threads or
 *                                 allocates the buffers, and the growth rates are in the kind's unit
 * @param namePattern              for threads, the pattern of their names with the numbers starred
 *                                 ({@code pool-*-thread-*}); else empty
 */
public record LeakCandidate(String objectType, Status status, List<String> growingTypes, List<StackFrame> allocationSite,
                            List<ReferenceStep> referenceChain, String rootDescription,
                            AccumulationPoint accumulationPoint, int liveSamples, Duration oldestAge,
                            Instant firstSeen, double growthBytesPerMinute, double growthInstancesPerMinute,
                            double shareOfLiveSetGrowth, double confidence, List<Evidence> evidence,
                            String exampleValue, int applicationFrame, String fingerprint, LeakKind kind,
                            String namePattern) {

    /** How firmly a candidate is established. */
    public enum Status {
        /**
         * Its types grow between heap inspections by a share of the live-set growth, or its old-object samples keep
         * arriving and staying alive across snapshots: it says what grows.
         */
        CONFIRMED,
        /**
         * Its evidence points at accumulation (samples of one site allocated steadily over the whole run and still
         * alive, or types growing too little to explain the live set's growth) without confirming it.
         */
        SUSPECTED
    }

    public LeakCandidate {
        Objects.requireNonNull(status, "status");
        growingTypes = List.copyOf(growingTypes);
        allocationSite = List.copyOf(allocationSite);
        referenceChain = List.copyOf(referenceChain);
        evidence = List.copyOf(evidence);
        rootDescription = rootDescription == null ? "" : rootDescription;
        exampleValue = exampleValue == null ? "" : exampleValue;
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (applicationFrame < -1 || applicationFrame >= allocationSite.size()) {
            throw new IllegalArgumentException("applicationFrame " + applicationFrame + " is not a frame of the site");
        }
        Objects.requireNonNull(kind, "kind");
        namePattern = namePattern == null ? "" : namePattern;
    }

    /** A candidate of the heap. */
    public LeakCandidate(String objectType, Status status, List<String> growingTypes, List<StackFrame> allocationSite,
                         List<ReferenceStep> referenceChain, String rootDescription,
                         AccumulationPoint accumulationPoint, int liveSamples, Duration oldestAge,
                         Instant firstSeen, double growthBytesPerMinute, double growthInstancesPerMinute,
                         double shareOfLiveSetGrowth, double confidence, List<Evidence> evidence,
                         String exampleValue, int applicationFrame, String fingerprint) {
        this(objectType, status, growingTypes, allocationSite, referenceChain, rootDescription, accumulationPoint,
                liveSamples, oldestAge, firstSeen, growthBytesPerMinute, growthInstancesPerMinute,
                shareOfLiveSetGrowth, confidence, evidence, exampleValue, applicationFrame, fingerprint, LeakKind.HEAP,
                "");
    }

    /** This candidate with another status. */
    public LeakCandidate withStatus(Status other) {
        return new LeakCandidate(objectType, other, growingTypes, allocationSite, referenceChain, rootDescription,
                accumulationPoint, liveSamples, oldestAge, firstSeen, growthBytesPerMinute, growthInstancesPerMinute,
                shareOfLiveSetGrowth, confidence, evidence, exampleValue, applicationFrame, fingerprint, kind,
                namePattern);
    }

    /** Whether the candidate rests on the given signal. */
    public boolean hasEvidence(Evidence.Signal signal) {
        return evidence.stream().anyMatch(e -> e.signal() == signal);
    }

    /**
     * The innermost frame of application code ({@link ApplicationCode}), or null: the line a developer would look at
     * first.
     */
    public StackFrame firstApplicationFrame() {
        return applicationFrame < 0 ? null : allocationSite.get(applicationFrame);
    }

    /**
     * The frame the application frame called to allocate, when that is library or JDK code ({@code
     * RequestFacade.getSession}, {@code StringBuilder.toString}), or null.
     */
    public StackFrame viaFrame() {
        return applicationFrame < 1 ? null : allocationSite.get(applicationFrame - 1);
    }
}
