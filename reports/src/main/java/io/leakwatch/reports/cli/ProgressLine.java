package io.leakwatch.reports.cli;

import io.leakwatch.core.Bytes;
import io.leakwatch.jfr.RecordingAnalyzer;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * One line on standard error that says which file is being read, rewritten in place, for inputs of several files.
 * Shown only on a terminal ({@code System.console()} is there when the tool is run interactively; redirected or
 * piped runs get no progress output at all).
 */
final class ProgressLine implements RecordingAnalyzer.Progress {
    private final PrintWriter err;
    private final boolean enabled;
    private int width;

    ProgressLine(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    @Override
    public void reading(Path file, int index, int count, long bytes) {
        if (!enabled || count < 2) {
            return;
        }
        String line = String.format("[%d/%d] reading %s (%s)", index, count, file.getFileName(), Bytes.format(bytes));
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        err.flush();
        width = line.length();
    }

    /** Removes the line, so that what follows starts on a clean line. */
    void clear() {
        if (width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }
}
