package io.leakwatch.jfr;

import java.io.IOException;

/**
 * No event could be read from any of the given recordings. The message names each file and says why, one line
 * each.
 */
public final class RecordingReadException extends IOException {
    private static final long serialVersionUID = 1L;

    public RecordingReadException(String message) {
        super(message);
    }
}
