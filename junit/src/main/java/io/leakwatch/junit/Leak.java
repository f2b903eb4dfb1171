package io.leakwatch.junit;

import io.leakwatch.core.ReferenceStep;
import io.leakwatch.core.StackFrame;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a failed leak test found: the type that grew with every iteration, the types that grew with it, and, where
 * the JVM's old-object sampler picked one of their objects, where it was allocated and who holds it.
 *
 * @param type             the type named as the leak: an application type where one grew, else the one that grew
 *                         by the most bytes
 * @param growingWithIt    the other types that grew with every iteration, application types first, then by bytes
 * @param warmUpIterations the iterations run before the measured ones
 * @param sample           where a sampled object of a growing type was allocated and who holds it, or null
 * @param noSampleReason   why there is no sample, or empty when there is one
 */
public record Leak(GrowingType type, List<GrowingType> growingWithIt, int warmUpIterations, Sample sample,
                   String noSampleReason) {

    public Leak {
        Objects.requireNonNull(type, "type");
        growingWithIt = List.copyOf(growingWithIt);
        noSampleReason = Objects.requireNonNullElse(noSampleReason, "");
    }

    /**
     * A sampled object that shows a growing type: the JVM's old-object sampler favours large allocations, so it may
     * have picked an object the growing type holds (a customer's {@code long[]}, not the small customer).
     *
     * @param growingType     the growing type it shows, usually {@link Leak#type()}
     * @param sampledType     the sampled object's type: {@code growingType}, or a type an object of it holds
     * @param allocationSite  the sampled object's allocation stack, innermost frame first (its first frames)
     * @param heldBy          who holds the object of {@code growingType}, nearest first, towards the GC root; empty
     *                        when the JVM found no path to a root in its time
     * @param rootDescription what kind of GC root holds the chain, or empty
     * @param accumulatesIn   the array or run of links the objects accumulate in, with its holders
     *                        ({@code Object[1200] ← ArrayList.elementData ← static Registry.SESSIONS}), or empty
     * @param liveSamples     how many sampled objects of this site were alive at the end
     */
    public record Sample(String growingType, String sampledType, List<StackFrame> allocationSite,
                         List<ReferenceStep> heldBy, String rootDescription, String accumulatesIn, int liveSamples) {
        /** Allocation frames kept: enough to reach the application's code from a JDK constructor. */
        static final int FRAMES = 8;

        public Sample {
            Objects.requireNonNull(growingType, "growingType");
            Objects.requireNonNull(sampledType, "sampledType");
            allocationSite = List.copyOf(allocationSite);
            heldBy = List.copyOf(heldBy);
            rootDescription = Objects.requireNonNullElse(rootDescription, "");
            accumulatesIn = Objects.requireNonNullElse(accumulatesIn, "");
        }

        /** Whether the sampled object is of the growing type itself, rather than an object it holds. */
        public boolean direct() {
            return sampledType.equals(growingType);
        }

        /** The innermost allocation frame that is not JDK code, or null: the line a developer looks at first. */
        public StackFrame firstApplicationFrame() {
            return allocationSite.stream().filter(frame -> !frame.isJdkFrame()).findFirst().orElse(null);
        }

        /**
         * What a sampled site shows of {@code growingType}: its objects are of that type, or, when
         * {@code viaHolder}, held by one (then the chain starts at that holder's own holders).
         */
        static Optional<Sample> of(String growingType, String sampledType, List<StackFrame> site,
                                   List<ReferenceStep> chain, String root, String accumulatesIn, int liveSamples,
                                   boolean viaHolder) {
            List<StackFrame> frames = site.subList(0, Math.min(FRAMES, site.size()));
            if (sampledType.equals(growingType)) {
                return Optional.of(new Sample(growingType, sampledType, frames, chain, root, accumulatesIn,
                        liveSamples));
            }
            for (int i = 0; viaHolder && i < chain.size(); i++) {
                if (chain.get(i).holderType().equals(growingType)) {
                    return Optional.of(new Sample(growingType, sampledType, frames, chain.subList(i + 1,
                            chain.size()), root, accumulatesIn, liveSamples));
                }
            }
            return Optional.empty();
        }
    }
}
