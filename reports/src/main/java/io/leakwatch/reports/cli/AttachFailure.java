package io.leakwatch.reports.cli;

/** Why {@code leakwatch attach} could not do what it was asked, in one line, with the exit code that says so. */
final class AttachFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    AttachFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
