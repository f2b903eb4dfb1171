package io.leakwatch.jfr;

import jdk.jfr.Recording;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Makes real recordings in the test JVM for reader tests. */
final class Recordings {
    private Recordings() {
    }

    /**
     * A recording whose old-object samples include small collections, which the JVM describes ("Size: 3"), as it
     * would describe a string by its contents.
     */
    static Path withDescribedObjects(Path file) throws IOException {
        List<List<Integer>> kept = new ArrayList<>();
        try (Recording recording = new Recording()) {
            recording.enable("jdk.OldObjectSample").with("cutoff", "0 ns");
            recording.enable("jdk.GarbageCollection");
            recording.start();
            for (int i = 0; i < 300_000; i++) {
                kept.add(new ArrayList<>(List.of(i, i, i)));
            }
            System.gc();
            recording.stop();
            recording.dump(file);
        }
        kept.clear();
        return file;
    }

    /** A recording of a few forced collections with GC events, heap summaries and old-object samples. */
    static Path withCollections(Path file, int collections) throws IOException {
        List<long[]> kept = new ArrayList<>();
        try (Recording recording = new Recording()) {
            recording.enable("jdk.GarbageCollection");
            recording.enable("jdk.GCHeapSummary");
            recording.enable("jdk.G1GarbageCollection");
            recording.enable("jdk.OldObjectSample").with("cutoff", "0 ns").withStackTrace();
            recording.start();
            for (int i = 0; i < collections; i++) {
                for (int j = 0; j < 2000; j++) {
                    kept.add(new long[64]);
                }
                System.gc();
            }
            recording.stop();
            recording.dump(file);
        }
        kept.clear();
        return file;
    }
}
