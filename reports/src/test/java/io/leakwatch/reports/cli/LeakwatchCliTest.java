package io.leakwatch.reports.cli;

import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LeakwatchCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return LeakwatchCli.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("analyze", "compare", "attach", "watch", "Exit codes:", "1   leak found",
                "4   unreadable input", "6   attach, watch: the process cannot be attached to");
        assertThat(run("analyze", "--help")).isZero();
        assertThat(out.toString()).contains("--include-values", "--format", "--warm-up");
    }

    @Test
    void versionSaysWhichBuildAndJava() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("leakwatch ").contains("Java ");
    }

    @Test
    void aMissingFileIsOneLineAndExitFour(@TempDir Path dir) {
        Path missing = dir.resolve("missing.jfr");

        assertThat(run("analyze", missing.toString())).isEqualTo(LeakwatchCli.UNREADABLE);
        assertThat(err.toString()).contains(missing + " does not exist.").doesNotContain("Exception");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("analyze")).isEqualTo(LeakwatchCli.USAGE);
        assertThat(err.toString()).contains("Missing required parameter");
        assertThat(run("analyze", "x.jfr", "--format", "pdf")).isEqualTo(LeakwatchCli.USAGE);
        assertThat(run("analyze", "x.jfr", "--warm-up", "soon")).isEqualTo(LeakwatchCli.USAGE);
        assertThat(err.toString()).contains("Invalid value for --warm-up: 'soon'");
        assertThat(run("analyze", "x.jfr", "--application-packages", "com.acme.*")).isEqualTo(LeakwatchCli.USAGE);
        assertThat(err.toString()).contains("Invalid value for --application-packages: 'com.acme.*'");
        assertThat(run()).isEqualTo(LeakwatchCli.USAGE);
    }

    @Test
    void attachChecksItsSettingsBeforeItTouchesAProcess() {
        assertThat(run("attach", "1", "warmUp=soon")).isEqualTo(LeakwatchCli.USAGE);
        assertThat(err.toString()).contains("Bad setting leakwatch.warmUp=soon: expected a duration");
        assertThat(run("attach", "1", "dir=/tmp/a,b")).isEqualTo(LeakwatchCli.USAGE);
        assertThat(err.toString()).contains("Bad setting 'b': expected key=value", "values cannot contain ','");
        assertThat(run("attach", "1", "--stop", "dir=/tmp/lw")).isEqualTo(LeakwatchCli.USAGE);
        assertThat(err.toString()).contains("--stop takes no settings");
        assertThat(run("attach", "--help")).isZero();
        assertThat(out.toString()).contains("--stop", "KEY=VALUE", "Exits 0 when the monitor was started or stopped");
    }

    @Test
    void attachToItselfIsRefusedInOneLine() {
        long self = ProcessHandle.current().pid();

        assertThat(run("attach", Long.toString(self))).isEqualTo(LeakwatchCli.CANNOT_ATTACH);
        assertThat(err.toString()).isEqualTo("leakwatch: process " + self + " is this leakwatch command itself"
                + System.lineSeparator());
    }

    @Test
    void aJavaSpecificationVersionGivesItsFeatureRelease() {
        assertThat(AttachCommand.release("17")).isEqualTo(17);
        assertThat(AttachCommand.release("1.8")).isEqualTo(8);
        assertThat(AttachCommand.release("")).isZero();
    }

    @Test
    void anOutputThatCannotBeWrittenExitsFive(@TempDir Path dir) throws Exception {
        Path notJfr = Files.writeString(dir.resolve("a.jfr"), "x");
        assertThat(run("analyze", notJfr.toString(), "-o", dir.resolve("no/such/dir/r.txt").toString()))
                .isEqualTo(LeakwatchCli.UNREADABLE);
    }

    /**
     * A real recording whose newest constant-pool event has its first pool emptied: the JDK's parser throws
     * {@code InternalError: Pool ... must contain at least one element}, as it did on files of other JFR writers.
     */
    private static Path withEmptiedPool(Path file) throws Exception {
        try (Recording recording = new Recording()) {
            recording.enable("jdk.GarbageCollection");
            recording.start();
            System.gc();
            recording.stop();
            recording.dump(file);
        }
        byte[] bytes = Files.readAllBytes(file);
        int[] at = {(int) ByteBuffer.wrap(bytes).getLong(16)};
        for (int i = 0; i < 5; i++) {
            varint(bytes, at); // size, type id 1, start, duration, delta to the previous checkpoint
        }
        at[0]++; // flags
        varint(bytes, at); // number of pools
        varint(bytes, at); // the first pool's type id
        int countAt = at[0];
        varint(bytes, at);
        for (int i = countAt; i < at[0]; i++) {
            bytes[i] = (byte) (i == at[0] - 1 ? 0 : 0x80); // 0, padded to the count's width
        }
        return Files.write(file, bytes);
    }

    private static void varint(byte[] bytes, int[] at) {
        for (int i = 0; i < 9 && bytes[at[0]++] < 0; i++) {
            // continuation bit set: the varint goes on
        }
    }

    @Test
    void aFileTheJdkParserThrowsAnInternalErrorOnIsOneLineNamingFileChunkAndCause(@TempDir Path dir)
            throws Exception {
        Path bad = withEmptiedPool(dir.resolve("other-writer.jfr"));

        assertThat(run("analyze", bad.toString())).isEqualTo(LeakwatchCli.UNREADABLE);
        assertThat(err.toString()).contains(bad + " could not be read: chunk 1 of 1 (bytes 0 to ",
                "the JDK's parser failed with InternalError: Pool ", "must contain at least one element")
                .doesNotContain("\tat ", "Exception in thread");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void analyzeOfADirectoryGoesOnWithTheOtherFilesAndCompareNamesTheBadFile(@TempDir Path dir) throws Exception {
        Path bad = withEmptiedPool(dir.resolve("other-writer.jfr"));
        try (Recording recording = new Recording()) {
            recording.enable("jdk.GarbageCollection");
            recording.start();
            System.gc();
            recording.stop();
            recording.dump(dir.resolve("good.jfr"));
        }

        assertThat(run("analyze", dir.toString())).isIn(LeakwatchCli.NO_LEAK, LeakwatchCli.LEAK,
                LeakwatchCli.INCONCLUSIVE);
        assertThat(out.toString()).startsWith("Leakwatch verdict: ");
        assertThat(err.toString()).contains("leakwatch: " + bad + " could not be read: chunk 1 of 1")
                .doesNotContain("\tat ");

        assertThat(run("compare", bad.toString(), dir.resolve("good.jfr").toString()))
                .isEqualTo(LeakwatchCli.UNREADABLE);
        assertThat(err.toString()).contains(bad + " could not be read: chunk 1 of 1", "InternalError")
                .doesNotContain("\tat ");
    }
}
