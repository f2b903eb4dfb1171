package io.leakwatch.jfr.internal;

/** A file that cannot be read as a recording; the message completes "The file ..." in words. */
public final class UnreadableRecordingException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnreadableRecordingException(String message) {
        super(message);
    }
}
