package io.leakwatch.jfr;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What became of one file of an offline analysis.
 *
 * @param file    the file
 * @param status  whether it was read whole, in part, or not at all
 * @param events  how many events of the types the analysis uses were read from it
 * @param message for a partial or failed read, what went wrong and what to do; otherwise empty
 */
public record FileReport(Path file, Status status, long events, String message) {

    /** How much of a file was read. */
    public enum Status {
        /** Every chunk was read. */
        COMPLETE,
        /** Some events were read, then the file ended or could not be parsed further. */
        PARTIAL,
        /** Nothing could be read. */
        UNREADABLE
    }

    public FileReport {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
    }
}
