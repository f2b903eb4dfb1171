package io.leakwatch.jfr.internal.log;

import java.io.PrintStream;

/**
 * One line per message on standard error, {@code [leakwatch] WARN memory leak: ...}, the form of the agent's own
 * start-up errors. Messages of level INFO and above; a cause is named on the same line, so that a line is a whole
 * message for whoever greps the log.
 */
final class StandardErrorSink implements Sink {
    @Override
    public boolean isEnabled(Level level) {
        return level != Level.DEBUG;
    }

    @Override
    public void log(Level level, String message, Throwable cause) {
        if (!isEnabled(level)) {
            return;
        }
        // System.err is read at each message: an application may replace it after the monitor started.
        PrintStream err = System.err;
        err.println("[leakwatch] " + level + " " + message + (cause == null ? "" : " (" + cause + ")"));
    }
}
