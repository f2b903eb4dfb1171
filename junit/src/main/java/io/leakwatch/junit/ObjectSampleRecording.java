package io.leakwatch.junit;

import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.core.JdkTypes;
import io.leakwatch.jfr.RecordingAnalyzer;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The JVM's old-object samples over one leak test: a recording with {@code jdk.OldObjectSample} from before the first
 * iteration (the sampler covers only objects allocated while a recording has it on), dumped with paths to GC roots
 * when a leak is found, and read with {@link RecordingAnalyzer}, which groups the samples by allocation site.
 */
final class ObjectSampleRecording implements AutoCloseable {
    /**
     * Time the JVM may spend searching paths to GC roots at the dump. A generous bound, unlike the monitor's 10 ms:
     * it is spent once, by a test that fails, in a test heap (DESIGN.md fact 3: 290–400 ms without bound at 216 MB).
     */
    private static final String CUTOFF = "1 s";

    private final Recording recording;
    private final String unavailable;
    private final Instant started = Instant.now();

    private ObjectSampleRecording(Recording recording, String unavailable) {
        this.recording = recording;
        this.unavailable = unavailable;
    }

    /** Starts sampling; in a JVM without Flight Recorder, a recording that says so instead of sampling. */
    static ObjectSampleRecording start() {
        try {
            if (!FlightRecorder.isAvailable()) {
                return new ObjectSampleRecording(null, "JDK Flight Recorder is not available in this JVM");
            }
            Recording recording = new Recording();
            recording.setName("leakwatch-leak-test");
            recording.enable("jdk.OldObjectSample").with("cutoff", CUTOFF).withStackTrace();
            recording.setToDisk(false);
            recording.start();
            return new ObjectSampleRecording(recording, null);
        } catch (LinkageError | IllegalStateException | SecurityException e) {
            return new ObjectSampleRecording(null, "JDK Flight Recorder cannot record here (" + e + ")");
        }
    }

    /** A sample that shows a growing type, or why there is none. */
    record Search(Leak.Sample sample, String missing) {
    }

    /**
     * Dumps the samples with their paths to GC roots and picks the site that best shows the first of
     * {@code typeNames} that any site shows: its own objects before objects it holds (held objects count for
     * application types only), a site with a chain before one without, then the site with the most live samples.
     */
    Search sampleOf(List<String> typeNames) {
        if (recording == null) {
            return new Search(null, unavailable);
        }
        Path file = null;
        try {
            file = Files.createTempFile("leakwatch-leak-test-", ".jfr");
            recording.dump(file);
            var sites = new RecordingAnalyzer(AnalyzerConfig.builder().warmUp(Duration.ZERO).build()).analyze(file)
                    .analysis().sites();
            for (String typeName : typeNames) {
                // The sampler's objects outlive recordings, so samples of earlier tests come too: an application
                // type names its own, but a JDK type (a byte[]) only shows this test's objects in a site that
                // began during the test, and the holders of some HashMap$Node say nothing.
                boolean jdkType = JdkTypes.isJdk(typeName);
                Optional<Leak.Sample> best = sites.stream()
                        .filter(site -> !jdkType || !site.firstAllocation().isBefore(started))
                        .map(site -> Leak.Sample.of(typeName, site.objectType(), site.allocationSite(),
                                site.referenceChain(), site.rootDescription(), site.accumulationPoint() == null ? ""
                                        : site.accumulationPoint().describe(), site.liveSamples(), !jdkType))
                        .flatMap(Optional::stream)
                        .max(Comparator.comparing(Leak.Sample::direct)
                                .thenComparing(sample -> !sample.heldBy().isEmpty())
                                .thenComparingInt(Leak.Sample::liveSamples));
                if (best.isPresent()) {
                    return new Search(best.get(), "");
                }
            }
            return new Search(null, "the JVM's old-object sampler picked none of their objects (it picks"
                    + " allocations that take the slow path, mostly large ones); run the test's JVM with -XX:-UseTLAB"
                    + " to give every allocation that chance");
        } catch (IOException | IllegalStateException e) {
            return new Search(null, "the old-object samples could not be read (" + e.getMessage() + ")");
        } finally {
            if (file != null) {
                delete(file);
            }
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | UncheckedIOException e) {
            file.toFile().deleteOnExit();
        }
    }

    @Override
    public void close() {
        if (recording != null) {
            recording.close();
        }
    }
}
