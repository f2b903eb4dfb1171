package io.leakwatch.reports.cli;

/** Why {@code leakwatch watch} has nothing to show, in one line, with the exit code that says so. */
final class WatchFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    WatchFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
