package io.leakwatch.jfr;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordingAnalyzerTest {
    @TempDir
    static Path shared;
    private static Path recording;

    @BeforeAll
    static void record() throws IOException {
        recording = Recordings.withCollections(shared.resolve("real.jfr"), 6);
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
