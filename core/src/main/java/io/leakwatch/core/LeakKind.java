package io.leakwatch.core;

import java.util.Locale;

/**
 * What leaks: the Java heap, or one of the kinds of memory outside it that JFR reports. Each kind has its own series
 * and its own decision ({@link KindReport}); an analysis is {@code LEAK} when any kind leaks.
 */
public enum LeakKind {
    /** Objects in the Java heap: the live set after collections, class histograms, old-object samples. */
    HEAP(Unit.BYTES),
    /**
     * Class metadata: classes and their loaders in metaspace ({@code jdk.MetaspaceSummary}, {@code jdk.ClassDefine},
     * {@code jdk.ClassUnload}); it fills up to {@code -XX:MaxMetaspaceSize}.
     */
    CLASS_METADATA(Unit.BYTES),
    /** Java threads that are started and never end ({@code jdk.JavaThreadStatistics}, {@code jdk.ThreadStart}). */
    THREADS(Unit.THREADS),
    /**
     * Memory of direct {@code ByteBuffer}s ({@code jdk.DirectBufferStatistics}); it fills up to {@code
     * -XX:MaxDirectMemorySize}, by default the heap's maximum.
     */
    DIRECT_MEMORY(Unit.BYTES),
    /**
     * The JVM's native memory by Native Memory Tracking category ({@code jdk.NativeMemoryUsage}: JDK 20 and later,
     * with {@code -XX:NativeMemoryTracking=summary}).
     */
    NATIVE_MEMORY(Unit.BYTES);

    /** What a kind's series counts. */
    public enum Unit {
        BYTES("Bytes"), THREADS("Threads");

        private final String word;

        Unit(String word) {
            this.word = word;
        }

        /** The unit as it appears in the names of a finding's values: {@code slopeBytesPerSecond}. */
        public String word() {
            return word;
        }
    }

    private final Unit unit;

    LeakKind(Unit unit) {
        this.unit = unit;
    }

    /** What the kind's series counts. */
    public Unit unit() {
        return unit;
    }

    /** The kind's name for people: {@code class metadata}, {@code direct memory}. */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The quantity in the kind's unit, for people: {@code 12.5 MB}, {@code 230 threads}. */
    public String format(double value) {
        return unit == Unit.BYTES ? Bytes.format(value)
                : String.format(Locale.ROOT, Math.abs(value) >= 10 || value == Math.rint(value) ? "%.0f threads"
                : "%.1f threads", value);
    }
}
