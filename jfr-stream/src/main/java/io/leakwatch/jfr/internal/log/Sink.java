package io.leakwatch.jfr.internal.log;

/** One place messages can go. */
interface Sink {
    boolean isEnabled(Level level);

    /** @param cause may be null */
    void log(Level level, String message, Throwable cause);
}
