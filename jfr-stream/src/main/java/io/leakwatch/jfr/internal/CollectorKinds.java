package io.leakwatch.jfr.internal;

import io.leakwatch.core.GcKind;

/**
 * What each collector's collections reclaim, by the name JFR gives them in {@code jdk.GarbageCollection}
 * (DESIGN.md fact 7). Unknown names count as young collections: the heap after them is then only an upper bound,
 * which can delay a verdict but never fake one.
 */
final class CollectorKinds {
    private CollectorKinds() {
    }

    static GcKind kindOf(String collectorName) {
        if (collectorName == null) {
            return GcKind.YOUNG;
        }
        return switch (collectorName) {
            case "G1Full", "ParallelOld", "SerialOld", "PSMarkSweep", "MarkSweepCompact" -> GcKind.FULL;
            case "G1Old" -> GcKind.CONCURRENT_CYCLE;
            case "Z", "ZGC Major", "Shenandoah", "ConcurrentMarkSweep" -> GcKind.OLD;
            default -> GcKind.YOUNG;
        };
    }
}
