package io.leakwatch.jfr.internal.log;

/** Severity of a message, in increasing order. */
enum Level {
    DEBUG, INFO, WARN, ERROR
}
