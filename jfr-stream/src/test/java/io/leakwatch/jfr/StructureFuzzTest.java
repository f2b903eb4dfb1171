package io.leakwatch.jfr;

import io.leakwatch.jfr.fuzz.ChunkAnatomy;
import io.leakwatch.jfr.fuzz.JmcWriterRecordings;
import io.leakwatch.jfr.fuzz.StructureFuzzer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Recordings with mutated metadata and constant pools (see {@link StructureFuzzer}) get only documented outcomes:
 * a {@link FileReport} whose one-line message names the file, the chunk and the cause, or a
 * {@link RecordingReadException} naming the file; nothing printed to standard error, no other exception.
 */
class StructureFuzzTest {
    /** The exception in a report's message and the first words of its message, for the summary. */
    private static final Pattern FAILED = Pattern.compile("(?:failed with|skipped \\(the first:) (\\w+)"
            + "(: \\S+ \\S+)?");
    /** A defect of a chunk's header or checkpoint chain, or another problem, by its first words. */
    private static final Pattern DEFECT = Pattern.compile("(?:\\(bytes \\d+ to \\d+\\) |\\.jfr (?:was read only in"
            + " part: |could not be read: )?)((?:\\S+ ){1,6})");
    @TempDir
    static Path shared;
    private static final List<Seed> seeds = new ArrayList<>();

    private record Seed(String name, byte[] bytes, ChunkAnatomy anatomy, int cases) {
    }

    @BeforeAll
    static void record() throws IOException {
        // JMC's writer declares only the types it writes: a 4 kB seed takes about a millisecond per case, where a
        // HotSpot recording, whose metadata declares every JDK event type, takes several.
        add("JMC writer", JmcWriterRecordings.growingHeap(shared.resolve("jmc-writer.jfr"), 6), 2000);
        add("HotSpot GC and old-object samples", Recordings.withCollections(shared.resolve("collections.jfr"), 3),
                200);
        add("the monitor's evidence of a leak, as zoo runs write it", monitorEvidence(shared.resolve("evidence")),
                50);
        Path corpus = Corpus.find();
        if (corpus != null) {
            // The smaller files of JDK 8, 11 (full_gc_cms), 12 (two chunks) and 21, and a JMC-writer file (pid1).
            for (String name : List.of("jmc/jdk21.jfr", "jmc/openjdk8u292.jfr", "jmc/full_gc_cms.jfr",
                    "jmc/pid1.jfr", "jmc/flush_incremental_metadata.jfr")) {
                Path file = corpus.resolve(name);
                if (Files.isRegularFile(file)) {
                    add("corpus " + name, file, 30);
                }
            }
        }
    }

    /**
     * What the zoo's programs leave: the monitor's evidence recording, with heap inspections, class histograms,
     * reference chains and verdicts as {@code leakwatch.*} events beside the JDK's. The zoo lives in the examples
     * module, which depends on this one, so the leak is a few lines here: arrays kept in a list for three seconds.
     */
    private static Path monitorEvidence(Path dir) throws IOException {
        LeakMonitorConfig config = LeakMonitorConfig.builder().outputDirectory(dir)
                .snapshotInterval(Duration.ofSeconds(1)).inspectionMode(InspectionMode.PERIODIC)
                .inspectionInterval(Duration.ofSeconds(1)).chainInterval(Duration.ofSeconds(1)).pauseBudget(0.5)
                .build();
        List<long[]> leak = new ArrayList<>();
        Path file = dir.resolve("evidence.jfr");
        try (LeakMonitor monitor = LeakMonitor.start(config)) {
            long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < end) {
                for (int i = 0; i < 20; i++) {
                    leak.add(new long[64]);
                }
                Thread.sleep(1);
            }
            monitor.dump(file);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the leak ran", e);
        }
        leak.clear();
        return file;
    }

    private static void add(String name, Path file, int cases) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        seeds.add(new Seed(name, bytes, ChunkAnatomy.of(bytes), cases));
    }

    @Test
    void mutatedMetadataAndConstantPoolsGiveOnlyDocumentedOutcomes(@TempDir Path dir) {
        Map<String, Integer> outcomes = new TreeMap<>();
        PrintStream stderr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int[] cases = {0};
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
                StructureFuzzer fuzzer = new StructureFuzzer(11);
                for (Seed seed : seeds) {
                    long seedStart = System.nanoTime();
                    Path file = dir.resolve("case.jfr");
                    for (int i = 0; i < seed.cases(); i++) {
                        StructureFuzzer.Case mutated = fuzzer.mutate(seed.bytes(), seed.anatomy());
                        Files.write(file, mutated.bytes());
                        String outcome = outcomeOf(file, seed.name() + ", case " + i + ": " + mutated.description());
                        outcomes.merge(outcome, 1, Integer::sum);
                        cases[0]++;
                    }
                    System.out.printf("  %s (%d bytes): %d cases in %d ms%n", seed.name(), seed.bytes().length,
                            seed.cases(), (System.nanoTime() - seedStart) / 1_000_000);
                }
            });
        } finally {
            System.setErr(stderr);
        }
        System.out.printf("structure fuzz: %d cases in %d ms%n", cases[0], (System.nanoTime() - start) / 1_000_000);
        outcomes.forEach((outcome, count) -> System.out.printf("  %5d  %s%n", count, outcome));
        assertThat(printed.toString(StandardCharsets.UTF_8)).as("printed to stderr").isEmpty();
    }

    /** Analyses one case, checks its outcome is a documented one, and names it for the summary. */
    private static String outcomeOf(Path file, String what) {
        try {
            RecordingAnalysis result = new RecordingAnalyzer().analyze(file);
            FileReport report = result.files().get(0);
            assertThat(result.files()).as(what).hasSize(1);
            if (report.status() == FileReport.Status.COMPLETE) {
                assertThat(report.message()).as(what).isEmpty();
                return "COMPLETE";
            }
            assertOneLineNamingTheFile(report.message(), file, what);
            return report.status() + " " + cause(report.message());
        } catch (RecordingReadException e) {
            assertThat(e.getMessage()).as(what).contains(file.toString()).doesNotContain("\tat ");
            String line = e.getMessage().lines().skip(1).findFirst().orElse("").trim();
            assertOneLineNamingTheFile(line, file, what);
            return "RecordingReadException " + cause(line);
        } catch (Throwable e) {
            throw new AssertionError(what + ": not a documented outcome", e);
        }
    }

    private static void assertOneLineNamingTheFile(String message, Path file, String what) {
        assertThat(message).as(what).startsWith(file.toString()).doesNotContain("\n", "\r");
    }

    private static String cause(String message) {
        Matcher failed = FAILED.matcher(message);
        if (failed.find()) {
            return (failed.group(1) + (failed.group(2) == null ? "" : failed.group(2) + " ..."))
                    .replaceAll("\\d+", "N");
        }
        Matcher defect = DEFECT.matcher(message);
        return defect.find() ? defect.group(1).replaceAll("\\d+", "N").trim() + " ..." : message;
    }

    /** {@code shared/corpus} beside the checkout, looked for from the working directory upwards, or null. */
    static final class Corpus {
        private Corpus() {
        }

        static Path find() {
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve("shared").resolve("corpus");
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
            return null;
        }
    }
}
