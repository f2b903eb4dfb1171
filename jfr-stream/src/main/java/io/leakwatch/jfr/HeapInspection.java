package io.leakwatch.jfr;

import io.leakwatch.core.ClassHistogram;
import io.leakwatch.jfr.internal.ClassHistogramCommand;

/**
 * Heap inspections of this JVM, in-process: a full collection, then a count of the live objects of each type (the
 * JVM's {@code GC.class_histogram} diagnostic command). This is what the monitor takes when it suspects growth, for
 * tools that want the counts themselves, such as a leak test comparing the heap between iterations.
 *
 * <pre>{@code
 * ClassHistogram before = HeapInspection.classHistogram();
 * service.handle(request);
 * ClassHistogram after = HeapInspection.classHistogram();
 * }</pre>
 *
 * <p>Each inspection stops the application for its full collection: about 20 ms with a few tens of MB live, 170–210
 * ms with 246 MB live on G1, more on Parallel. Under ZGC the pause is the count alone (19-36 ms with 120 MB live);
 * under generational ZGC the calling thread first waits for a major cycle ({@link System#gc()}), which runs beside
 * the application. It runs on the calling thread.
 */
public final class HeapInspection {
    private HeapInspection() {
    }

    /**
     * The live objects of each type, after a full collection, with type names in Java notation ({@code byte[]},
     * {@code java.util.HashMap$Node}). A type defined by several class loaders has one entry per loader.
     *
     * @throws IllegalStateException when this JVM offers no class histogram (it lacks the {@code jdk.management}
     *                               module)
     */
    public static ClassHistogram classHistogram() {
        return new ClassHistogramCommand().histogram();
    }
}
