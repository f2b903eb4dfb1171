package io.leakwatch.jfr.internal.log;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The monitor's log. Inside an application that binds SLF4J the messages go through SLF4J, so they land where the
 * application's own logs do; in one that does not (the common {@code -javaagent} case) they go to the JDK's
 * {@link System.Logger} when the application configured platform logging, else one line each to standard error.
 * Every message goes to exactly one of these. SLF4J is never asked whether it is bound (asking makes it print "No
 * SLF4J providers were found" and log to nowhere): {@link Destination#choose} reads the class path instead, and code
 * that refers to {@code org.slf4j} is loaded only when SLF4J is there, so the agent jar carries none of it.
 *
 * <pre>{@code
 * private static final Log LOG = Log.get();
 * LOG.warn("cannot write " + file + " (" + e + "); monitoring goes on in memory");
 * }</pre>
 *
 * <p>Messages are plain text without the {@code Leakwatch:} prefix, which each destination adds its own way.
 * Thread-safe.
 */
public final class Log {
    /** The logger name: one name for the whole library, which is what users filter on. */
    static final String NAME = "io.leakwatch";

    private final Sink sink;
    private final Destination destination;

    Log(Sink sink, Destination destination) {
        this.sink = sink;
        this.destination = destination;
    }

    /** The log of this copy of Leakwatch; its destination is chosen once, at first use. */
    public static Log get() {
        return Holder.LOG;
    }

    /** Where messages go. */
    public Destination destination() {
        return destination;
    }

    public void error(String message, Throwable cause) {
        sink.log(Level.ERROR, Objects.requireNonNull(message, "message"), cause);
    }

    public void warn(String message) {
        warn(message, null);
    }

    public void warn(String message, Throwable cause) {
        sink.log(Level.WARN, Objects.requireNonNull(message, "message"), cause);
    }

    public void info(String message) {
        sink.log(Level.INFO, Objects.requireNonNull(message, "message"), null);
    }

    /** A debug message, built only when debug messages are shown. */
    public void debug(Supplier<String> message) {
        if (sink.isEnabled(Level.DEBUG)) {
            sink.log(Level.DEBUG, message.get(), null);
        }
    }

    public void debug(Supplier<String> message, Throwable cause) {
        if (sink.isEnabled(Level.DEBUG)) {
            sink.log(Level.DEBUG, message.get(), cause);
        }
    }

    /** Initialised on first use of {@link #get()}, not when this class is loaded. */
    private static final class Holder {
        static final Log LOG = create();

        private static Log create() {
            Destination destination = Destination.forThisJvm();
            return new Log(destination.newSink(), destination);
        }
    }
}
