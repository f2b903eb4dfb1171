package io.leakwatch.jfr;

import io.leakwatch.core.Analysis;
import io.leakwatch.core.Analyzer;
import io.leakwatch.core.Finding;
import io.leakwatch.core.Rule;
import io.leakwatch.core.Verdict;
import io.leakwatch.jfr.internal.JfrAvailability;
import io.leakwatch.jfr.internal.MonitorSession;
import io.leakwatch.jfr.internal.log.Log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Watches the running JVM for memory leaks with JDK Flight Recorder, in-process.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     LeakMonitor.start();          // settings from leakwatch.* system properties, or the defaults
 *     ...                           // the service runs
 * }
 * }</pre>
 *
 * <p>The monitor streams GC and heap events, takes cheap old-object snapshots, and when the heap after collections
 * suggests growth, takes heap inspections and reference-chain snapshots within a pause budget to confirm it. When
 * the live set grows and the evidence says what grows, the verdict becomes {@link Verdict#LEAK}: a warning is logged
 * with the top candidate (through the application's SLF4J when it binds one, else through {@code System.Logger} when
 * the application configured it, else as one line on standard error), listeners are called, and
 * {@code analysis.json} in the output directory says everything. The evidence recording ({@code leakwatch-<pid>.jfr}) is rewritten at every snapshot, so it survives
 * the {@code OutOfMemoryError} it predicts.
 *
 * <p>There is at most one monitor per JVM: {@link #start()} while one runs returns it. It runs two threads of its own,
 * {@code leakwatch-stream} (reads the events and analyses them) and {@code leakwatch-worker} (snapshots, heap
 * inspections, listener calls), both daemons, besides JFR's; {@link #close()} stops both, and a shutdown hook closes
 * the monitor at exit. Methods are thread-safe.
 */
public final class LeakMonitor implements AutoCloseable {
    /**
     * The system property that holds the running monitor's output directory (absolute), set while it monitors and
     * cleared when it closes, so that a tool can find {@code analysis.json} from outside the JVM: {@code leakwatch
     * watch <pid>} reads it through the Attach API ({@code VirtualMachine.getSystemProperties()}).
     */
    public static final String OUTPUT_DIRECTORY_PROPERTY = "io.leakwatch.monitor.dir";
    private static final Log LOG = Log.get();
    /** The one running monitor of this JVM; guarded by the class lock, since the API promises one per JVM. */
    private static LeakMonitor running;

    private final LeakMonitorConfig config;
    private final MonitorSession session;
    private final String disabledReason;
    private final Thread shutdownHook;
    private boolean closed;

    private LeakMonitor(LeakMonitorConfig config, MonitorSession session, String disabledReason) {
        this.config = config;
        this.session = session;
        this.disabledReason = disabledReason;
        this.shutdownHook = new Thread(this::closeAtExit, "leakwatch-shutdown");
    }

    /** Starts a monitor with the settings of the {@code leakwatch.*} system properties, or returns the running one. */
    public static LeakMonitor start() {
        return start(LeakMonitorConfig.fromSystemProperties());
    }

    /**
     * Starts a monitor, or returns the one already running (whose settings stay as they were).
     *
     * @throws IllegalStateException when this JVM has no usable Flight Recorder and the settings say to fail
     * @throws UncheckedIOException  when the output directory cannot be created
     */
    public static synchronized LeakMonitor start(LeakMonitorConfig config) {
        Objects.requireNonNull(config, "config");
        if (running != null) {
            if (!running.config.equals(config)) {
                LOG.info("a monitor is already running; its settings stay as they were");
            }
            return running;
        }
        String unavailable = JfrAvailability.unavailableReason();
        LeakMonitor monitor;
        if (unavailable != null) {
            if (config.failIfUnavailable()) {
                throw new IllegalStateException("Leakwatch cannot monitor this JVM: " + unavailable
                        + " (set leakwatch.failIfUnavailable=false to run without monitoring instead)");
            }
            LOG.warn("monitoring is off: " + unavailable);
            monitor = new LeakMonitor(config, null, unavailable);
        } else {
            try {
                monitor = new LeakMonitor(config, MonitorSession.start(config), null);
            } catch (IOException e) {
                throw new UncheckedIOException("Leakwatch cannot create its output directory "
                        + config.outputDirectory().toAbsolutePath() + "; set leakwatch.dir to a writable one", e);
            }
        }
        Runtime.getRuntime().addShutdownHook(monitor.shutdownHook);
        running = monitor;
        if (monitor.session != null) {
            System.setProperty(OUTPUT_DIRECTORY_PROPERTY, config.outputDirectory().toAbsolutePath().toString());
        }
        return monitor;
    }

    /** The running monitor of this JVM, or null: the agent must tell a monitor it starts from one already running. */
    static synchronized LeakMonitor running() {
        return running;
    }

    /** A builder of settings whose {@code start()} starts a monitor with them. */
    public static LeakMonitorConfig.Builder builder() {
        return LeakMonitorConfig.builder();
    }

    /** The settings this monitor runs with. */
    public LeakMonitorConfig config() {
        return config;
    }

    /** Whether the monitor is watching (false when this JVM has no Flight Recorder, or after close). */
    public synchronized boolean isActive() {
        return session != null && !closed;
    }

    /** Adds a listener of verdict changes; see {@link LeakListener} for the thread it is called on. */
    public LeakMonitor addListener(LeakListener listener) {
        if (session != null) {
            session.addListener(listener);
        }
        return this;
    }

    /** Removes a listener; returns whether it was registered. */
    public boolean removeListener(LeakListener listener) {
        return session != null && session.removeListener(listener);
    }

    /** The current analysis: verdict, reason, statistics and candidates. */
    public Analysis snapshot() {
        if (session == null) {
            Analysis nothing = new Analyzer(config.analyzer()).analysis();
            return new Analysis(Verdict.INCONCLUSIVE, "Leakwatch is not monitoring: " + disabledReason + ".",
                    "Run the JVM with JDK Flight Recorder available.", List.of(Finding.of(Rule.NOT_MONITORING)),
                    false, null, null, null, nothing.counts(),
                    nothing.gc(), nothing.liveSet(), nothing.typeGrowth(), nothing.sites(), nothing.candidates(),
                    nothing.coverage());
        }
        return session.analysis();
    }

    /**
     * Writes the evidence so far (GC and heap events, old-object samples, inspections, verdicts) as a {@code .jfr}
     * file that {@link RecordingAnalyzer} and the {@code leakwatch} CLI can analyse.
     *
     * @return {@code file}
     * @throws IOException           when the file cannot be written
     * @throws IllegalStateException when the monitor is closed or not monitoring
     */
    public Path dump(Path file) throws IOException {
        if (session == null) {
            throw new IllegalStateException("Leakwatch is not monitoring: " + disabledReason);
        }
        session.dump(file);
        return file;
    }

    /** The evidence recording the monitor rewrites at every snapshot, or null when it is not monitoring. */
    public Path evidenceFile() {
        return session == null ? null : session.evidenceFile();
    }

    /** Stops monitoring: writes the evidence and the analysis a last time and stops every {@code leakwatch-*} thread. */
    @Override
    public void close() {
        if (!markClosed()) {
            return;
        }
        boolean atExit = false;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            atExit = true; // closed from another shutdown hook; the monitor's own will find it closed
        }
        if (session != null) {
            session.close(atExit);
        }
    }

    private void closeAtExit() {
        if (markClosed() && session != null) {
            session.close(true);
        }
    }

    /** Marks this monitor closed and no longer the running one; false when it already was. */
    private boolean markClosed() {
        synchronized (LeakMonitor.class) {
            if (closed) {
                return false;
            }
            closed = true;
            if (running == this) {
                running = null;
                System.clearProperty(OUTPUT_DIRECTORY_PROPERTY);
            }
            return true;
        }
    }
}
