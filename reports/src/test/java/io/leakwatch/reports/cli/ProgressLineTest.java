package io.leakwatch.reports.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressLineTest {
    @Test
    void rewritesOneLineInPlaceAndClearsIt() {
        StringWriter err = new StringWriter();
        ProgressLine progress = new ProgressLine(new PrintWriter(err), true);

        progress.reading(Path.of("/repo/chunk-1.jfr"), 1, 2, 12_000_000);
        progress.reading(Path.of("/repo/c2.jfr"), 2, 2, 1_000);
        progress.clear();

        String first = "[1/2] reading chunk-1.jfr (12.0 MB)";
        String second = "[2/2] reading c2.jfr (1.0 kB)";
        // The shorter second line is padded over the first; clearing blanks exactly what is shown.
        assertThat(err.toString()).isEqualTo("\r" + first + "\r" + second
                + " ".repeat(first.length() - second.length()) + "\r" + " ".repeat(second.length()) + "\r");
    }

    @Test
    void saysNothingWhenNotOnATerminalOrForASingleFile() {
        StringWriter err = new StringWriter();
        new ProgressLine(new PrintWriter(err), false).reading(Path.of("a.jfr"), 1, 3, 10);
        new ProgressLine(new PrintWriter(err), true).reading(Path.of("a.jfr"), 1, 1, 10);

        assertThat(err.toString()).isEmpty();
    }
}
