package io.leakwatch.jfr;

import io.leakwatch.jfr.fuzz.ChunkAnatomy;
import io.leakwatch.jfr.fuzz.StructureFuzzer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class RecordingAnalyzerTest {
    @TempDir
    static Path shared;
    private static Path recording;
    private static Path later;

    @BeforeAll
    static void record() throws IOException {
        recording = Recordings.withCollections(shared.resolve("real.jfr"), 6);
        later = Recordings.withCollections(shared.resolve("later.jfr"), 4);
    }

    @Test
    void aRealRecordingIsReadWholeAndItsCollectionsCounted() throws IOException {
        RecordingAnalysis result = new RecordingAnalyzer().analyze(recording);

        assertThat(result.files()).singleElement().satisfies(file -> {
            assertThat(file.status()).isEqualTo(FileReport.Status.COMPLETE);
            assertThat(file.events()).isPositive();
        });
        assertThat(result.analysis().counts().collections()).isGreaterThanOrEqualTo(6);
        assertThat(result.analysis().counts().objectSamples()).isPositive();
        assertThat(result.incomplete()).isFalse();
    }

    @Test
    void objectDescriptionsAreReadOnlyWhenAskedFor(@TempDir Path dir) throws IOException {
        Path described = Recordings.withDescribedObjects(dir.resolve("described.jfr"));
        io.leakwatch.core.AnalyzerConfig config = io.leakwatch.core.AnalyzerConfig.defaults();

        RecordingAnalysis without = new RecordingAnalyzer(config).analyze(described);
        RecordingAnalysis with = new RecordingAnalyzer(config, (file, index, count, bytes) -> { }, true)
                .analyze(described);

        assertThat(without.analysis().sites()).isNotEmpty()
                .allSatisfy(site -> assertThat(site.exampleValue()).isEmpty());
        assertThat(with.analysis().sites()).anySatisfy(site -> {
            assertThat(site.objectType()).isEqualTo("java.util.ArrayList");
            assertThat(site.exampleValue()).isEqualTo("Size: 3");
        });
    }

    @Test
    void theSameFileTwiceCountsEachCollectionOnce() throws IOException {
        Path copy = Files.copy(recording, shared.resolve("copy-of-real.jfr.bak"));
        RecordingAnalysis once = new RecordingAnalyzer().analyze(recording);
        RecordingAnalysis twice = new RecordingAnalyzer().analyze(recording, copy);

        assertThat(twice.analysis().counts().collections()).isEqualTo(once.analysis().counts().collections());
        assertThat(twice.analysis().counts().duplicates()).isPositive();
    }

    @Test
    void anEmptyFileSaysWhatLeavesSuchFilesAndWhatToDo(@TempDir Path dir) throws IOException {
        Path empty = Files.createFile(dir.resolve("crash.jfr"));

        assertThatThrownBy(() -> new RecordingAnalyzer().analyze(empty))
                .isInstanceOf(RecordingReadException.class)
                .hasMessageContaining(empty + " is empty (0 bytes)")
                .hasMessageContaining("monitor's own recording");
    }

    @Test
    void aFileThatIsNotJfrIsNamedAsSuch(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.jfr"), "this is not a recording");

        assertThatThrownBy(() -> new RecordingAnalyzer().analyze(text))
                .hasMessageContaining(text + " is not a JFR recording (it does not start with the magic bytes");
    }

    @Test
    void aGzippedRecordingIsToldToBeDecompressed(@TempDir Path dir) throws IOException {
        Path gz = dir.resolve("real.jfr.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(recording, out);
        }

        assertThatThrownBy(() -> new RecordingAnalyzer().analyze(gz)).hasMessageContaining("is gzip-compressed;"
                + " decompress it first (gunzip -k real.jfr.gz)");
    }

    @Test
    void aLegacyFormatIsNamed(@TempDir Path dir) throws IOException {
        byte[] header = new byte[64];
        System.arraycopy(new byte[]{'F', 'L', 'R', 0, 0, 0, 0, 9}, 0, header, 0, 8);
        Path legacy = Files.write(dir.resolve("jrockit.jfr"), header);

        assertThatThrownBy(() -> new RecordingAnalyzer().analyze(legacy))
                .hasMessageContaining("is in JFR format 0.9 (JRockit / JDK 7), which is not supported");
    }

    @Test
    void aMissingPathIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.jfr");

        assertThatThrownBy(() -> new RecordingAnalyzer().analyze(missing)).hasMessageContaining(missing
                + " does not exist");
    }

    @Test
    void aRecordingCutShortGivesWhatItsCompleteChunksHoldAndSaysSo(@TempDir Path dir) throws IOException {
        Path twoChunks = dir.resolve("two-chunks.jfr");
        byte[] one = Files.readAllBytes(recording);
        byte[] doubled = new byte[one.length * 2];
        System.arraycopy(one, 0, doubled, 0, one.length);
        System.arraycopy(one, 0, doubled, one.length, one.length);
        Files.write(twoChunks, java.util.Arrays.copyOf(doubled, one.length + one.length / 2));

        RecordingAnalysis result = new RecordingAnalyzer().analyze(twoChunks);

        FileReport report = result.files().get(0);
        assertThat(report.status()).isEqualTo(FileReport.Status.PARTIAL);
        assertThat(report.message()).contains("was read only in part").contains("after 1 complete chunks");
        assertThat(result.analysis().counts().collections()).isGreaterThanOrEqualTo(6);
        assertThat(result.incomplete()).isTrue();
    }

    @Test
    void aDirectoryMixingGoodAndBadFilesAnalysesTheGoodAndReportsTheBad(@TempDir Path dir) throws IOException {
        Files.copy(recording, dir.resolve("good.jfr"));
        Files.writeString(dir.resolve("bad.jfr"), "garbage");
        Files.createFile(dir.resolve("empty.jfr"));

        RecordingAnalysis result = new RecordingAnalyzer().analyze(dir);

        assertThat(result.files()).hasSize(3);
        assertThat(result.files()).filteredOn(f -> f.status() == FileReport.Status.UNREADABLE).hasSize(2);
        assertThat(result.analysis().counts().collections()).isGreaterThanOrEqualTo(6);
    }

    /** Recording A, then a copy of A damaged by {@code damage}, then recording C: three chunks. */
    private static Path threeChunks(Path dir, String name, java.util.function.Consumer<byte[]> damage)
            throws IOException {
        byte[] first = Files.readAllBytes(recording);
        byte[] second = first.clone();
        damage.accept(second);
        byte[] third = Files.readAllBytes(later);
        byte[] all = new byte[first.length + second.length + third.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        System.arraycopy(third, 0, all, first.length + second.length, third.length);
        return Files.write(dir.resolve(name), all);
    }

    /**
     * Rewrites the first site of {@code kind} in {@code bytes} as a varint of the same width holding {@code value},
     * or with -1 the largest value that width holds.
     */
    private static void rewrite(byte[] bytes, ChunkAnatomy.Kind kind, long value) {
        ChunkAnatomy.Site site = ChunkAnatomy.of(bytes).sites(kind).get(0);
        StructureFuzzer.writeVarint(bytes, site.position(), site.length(),
                value >= 0 ? value : (1L << (7 * site.length())) - 1);
    }

    @Test
    void aChunkWithAnEmptiedPoolLosesOnlyItselfAndTheReportNamesTheChunkAndTheInternalError(@TempDir Path dir)
            throws IOException {
        Path file = threeChunks(dir, "emptied-pool.jfr", bytes -> rewrite(bytes, ChunkAnatomy.Kind.POOL_COUNT, 0));

        RecordingAnalysis result = new RecordingAnalyzer().analyze(file);

        FileReport report = result.files().get(0);
        assertThat(report.status()).isEqualTo(FileReport.Status.PARTIAL);
        assertThat(report.message()).startsWith(file + " was read only in part: chunk 2 of 3 (bytes ")
                .contains("could not be read: the JDK's parser failed with InternalError: Pool ",
                        "must contain at least one element")
                .doesNotContain("\n");
        assertThat(result.analysis().counts().collections()).isEqualTo(collections(recording) + collections(later));
    }

    @Test
    void aChunkWhoseParseFailureTheStreamSwallowsIsStillNamedWithItsCause(@TempDir Path dir) throws IOException {
        // A pool of a type the metadata does not define: EventStream meets an IOException and ends as if the file
        // ended there, without a word.
        Path file = threeChunks(dir, "undefined-pool-type.jfr",
                bytes -> rewrite(bytes, ChunkAnatomy.Kind.POOL_TYPE_ID, -1));

        RecordingAnalysis result = new RecordingAnalyzer().analyze(file);

        assertThat(result.files().get(0).message()).contains("chunk 2 of 3",
                "could not be read: the JDK's parser failed with IOException: Error parsing constant pool type"
                        + " unknown(");
        assertThat(result.analysis().counts().collections()).isEqualTo(collections(recording) + collections(later));
    }

    @Test
    void aCheckpointChainThatLoopsIsRefusedWithoutGivingItToTheJdkParser(@TempDir Path dir) throws IOException {
        // Checkpoints are chained from the newest back to the oldest; the second one pointed back at the newest
        // makes a loop, which the JDK's parser would follow forever.
        Path file = threeChunks(dir, "looping-chain.jfr", bytes -> {
            ChunkAnatomy anatomy = ChunkAnatomy.of(bytes);
            List<ChunkAnatomy.Site> checkpoints = anatomy.sites(ChunkAnatomy.Kind.CHECKPOINT_BODY);
            ChunkAnatomy.Site delta = anatomy.sites(ChunkAnatomy.Kind.CHECKPOINT_DELTA).get(1);
            StructureFuzzer.writeVarint(bytes, delta.position(), delta.length(),
                    checkpoints.get(0).position() - checkpoints.get(1).position());
        });

        RecordingAnalysis result = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> new RecordingAnalyzer().analyze(file));

        assertThat(result.files().get(0).message()).contains("chunk 2 of 3", "point back to each other");
        assertThat(result.analysis().counts().collections()).isEqualTo(collections(recording) + collections(later));
    }

    @Test
    void anUnfinishedChunkIsReadUpToItsLastFlushWithoutWaitingForItsWriter(@TempDir Path dir) throws IOException {
        // A JFR repository's current chunk has a state byte other than 0 until its JVM finishes it; EventStream
        // waits for that forever (the reader before this one hung on a copy of a live repository's chunk).
        Path file = threeChunks(dir, "unfinished.jfr", bytes -> bytes[64] = 3);

        RecordingAnalysis result = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> new RecordingAnalyzer().analyze(file));

        assertThat(result.files().get(0).status()).isEqualTo(FileReport.Status.PARTIAL);
        assertThat(result.files().get(0).message()).contains("chunk 2 of 3 was still being written",
                "read up to its last flush");
        assertThat(result.analysis().counts().collections()).isEqualTo(collections(recording) + collections(later));
        assertThat(result.analysis().counts().duplicates()).isPositive(); // chunk 2, a copy of chunk 1, was read
    }

    private static long collections(Path file) throws IOException {
        return new RecordingAnalyzer().analyze(file).analysis().counts().collections();
    }

    @Test
    void randomTruncationsAndByteFlipsNeverThrowAnythingButTheDocumentedException(@TempDir Path dir)
            throws IOException {
        byte[] original = Files.readAllBytes(recording);
        Random random = new Random(42);
        for (int i = 0; i < 40; i++) {
            byte[] damaged = java.util.Arrays.copyOf(original, 1 + random.nextInt(original.length));
            for (int flip = 0; flip < random.nextInt(4); flip++) {
                int at = random.nextInt(damaged.length);
                damaged[at] = (byte) random.nextInt(256);
            }
            Path file = Files.write(dir.resolve("damaged-" + i + ".jfr"), damaged);
            try {
                RecordingAnalysis result = new RecordingAnalyzer().analyze(file);
                assertThat(result.files()).singleElement().satisfies(report -> assertThat(
                        report.status() == FileReport.Status.COMPLETE || !report.message().isEmpty()).isTrue());
            } catch (RecordingReadException expected) {
                assertThat(expected.getMessage()).contains(file.toString());
            }
        }
    }
}
