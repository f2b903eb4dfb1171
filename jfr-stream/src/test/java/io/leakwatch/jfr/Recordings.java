package io.leakwatch.jfr;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Makes real recordings in the test JVM for reader tests. */
final class Recordings {
    private Recordings() {
    }

    /**
     * A recording whose old-object samples include small collections, which the JVM describes ("Size: 3"), as it
     * would describe a string by its contents. The JVM samples whichever allocation happens to refill a TLAB, so in
     * a warmed-up test JVM a recording can hold no sampled list at all; the recording is repeated until one does.
     */
    static Path withDescribedObjects(Path file) throws IOException {
        int attempts = 5;
        for (int attempt = 0; attempt < attempts; attempt++) {
            recordDescribedObjects(file);
            if (sampledTypes(file).contains(ArrayList.class.getName())) {
                return file;
            }
        }
        throw new IllegalStateException("the JVM sampled no ArrayList in " + attempts + " recordings; "
                + "this test needs one to check how descriptions are read");
    }

    private static void recordDescribedObjects(Path file) throws IOException {
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
    }

    private static Set<String> sampledTypes(Path file) throws IOException {
        Set<String> types = new HashSet<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (event.getEventType().getName().equals("jdk.OldObjectSample")) {
                RecordedClass type = event.<RecordedObject>getValue("object").getValue("type");
                if (type != null) {
                    types.add(type.getName());
                }
            }
        }
        return types;
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
