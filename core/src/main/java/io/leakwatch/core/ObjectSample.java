package io.leakwatch.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A long-surviving object picked by the JVM's old-object sampler, as seen in one emission of samples.
 *
 * <p>The JVM re-emits every sample that is still alive each time a recording is dumped or stopped; all samples of
 * one emission share {@link #observedAt()}. An object is identified across emissions by its allocation time and
 * {@link #objectId()}.
 *
 * @param objectType         the sampled object's type, for example {@code long[]} or {@code com.example.Customer}
 * @param objectId           the object's identity within the JVM (its address as reported by JFR)
 * @param allocationTime     when the object was allocated
 * @param observedAt         when the emission that reported it happened
 * @param sizeBytes          the object's shallow size, or -1 if the JVM did not report it
 * @param arrayLength        the number of elements for an array, or -1
 * @param heapUsedAtLastGcBytes heap in use at the last GC before the emission
 * @param allocationStack    the allocation stack trace, innermost frame first (may be empty)
 * @param referenceChain     the holders from the object towards the root, nearest first (empty when chains were
 *                           not collected)
 * @param rootDescription    what kind of root holds the chain, for example {@code Threads / Stack Variable}, or
 *                           empty when unknown
 * @param description        the JVM's description of the object (a string's contents, a collection's size), or
 *                           empty: it can hold application data, so readers leave it out unless asked for it
 */
public record ObjectSample(String objectType, long objectId, Instant allocationTime, Instant observedAt,
                           long sizeBytes, int arrayLength, long heapUsedAtLastGcBytes,
                           List<StackFrame> allocationStack, List<ReferenceStep> referenceChain,
                           String rootDescription, String description) {

    public ObjectSample {
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(allocationTime, "allocationTime");
        Objects.requireNonNull(observedAt, "observedAt");
        allocationStack = List.copyOf(allocationStack);
        referenceChain = List.copyOf(referenceChain);
        rootDescription = rootDescription == null ? "" : rootDescription;
        description = description == null ? "" : description;
    }

    /** A sample without a description, as readers give them by default. */
    public ObjectSample(String objectType, long objectId, Instant allocationTime, Instant observedAt, long sizeBytes,
                        int arrayLength, long heapUsedAtLastGcBytes, List<StackFrame> allocationStack,
                        List<ReferenceStep> referenceChain, String rootDescription) {
        this(objectType, objectId, allocationTime, observedAt, sizeBytes, arrayLength, heapUsedAtLastGcBytes,
                allocationStack, referenceChain, rootDescription, "");
    }

    /** Whether the JVM collected the path to the GC root for this sample. */
    public boolean hasReferenceChain() {
        return !referenceChain.isEmpty();
    }
}
