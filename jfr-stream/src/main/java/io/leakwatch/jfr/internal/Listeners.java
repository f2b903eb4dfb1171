package io.leakwatch.jfr.internal;

import io.leakwatch.core.Analysis;
import io.leakwatch.jfr.LeakListener;
import io.leakwatch.jfr.internal.log.Log;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The registered {@link LeakListener}s, called one at a time on the worker thread, which also takes the monitor's
 * snapshots and inspections. A call may therefore hold those up, but not forever if the listener can be
 * interrupted: a call still running {@link #CALL_DEADLINE} after it began is interrupted (once) by the stream thread,
 * which checks after every flush, about once a second, and a warning names the listener. One that ignores the
 * interrupt holds the worker until it returns; the analysis, {@code analysis.json} and the evidence JFR writes at
 * exit go on all the same, since they do not run on the worker. A third thread for listeners alone would keep the
 * probes free even then, but the monitor keeps to two threads, and a listener is documented to return promptly.
 *
 * <p>Concurrency: the call in progress is shared between the worker and the stream thread under {@link #lock}, so
 * that an interrupt meant for one call can never reach the task after it.
 */
final class Listeners {
    /** A listener that sends an alert over the network has this long; far longer than one should take. */
    static final Duration CALL_DEADLINE = Duration.ofSeconds(10);
    private static final Log LOG = Log.get();

    private final List<LeakListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    // Guarded by lock: the call in progress.
    private Thread callingThread;
    private LeakListener calling;
    private long callStartNanos;
    private boolean interruptedForDeadline;

    void add(LeakListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    boolean remove(LeakListener listener) {
        return listeners.remove(listener);
    }

    /** Worker thread: tells every listener, in the order they were added; stops when the worker is stopped. */
    void notifyAll(Analysis analysis) {
        for (LeakListener listener : listeners) {
            if (Thread.currentThread().isInterrupted()) {
                return; // the monitor is closing
            }
            synchronized (lock) {
                callingThread = Thread.currentThread();
                calling = listener;
                callStartNanos = System.nanoTime();
                interruptedForDeadline = false;
            }
            try {
                listener.onVerdict(analysis);
            } catch (RuntimeException e) {
                LOG.warn("listener " + listener + " threw; it stays registered", e);
            } finally {
                synchronized (lock) {
                    if (interruptedForDeadline) {
                        Thread.interrupted(); // meant for this call only, not for the worker's next task
                    }
                    callingThread = null;
                    calling = null;
                }
            }
        }
    }

    /** Any thread: interrupts the call in progress if it has run past its deadline. */
    void interruptOverdue(long nowNanos) {
        synchronized (lock) {
            if (calling == null || interruptedForDeadline || nowNanos - callStartNanos < CALL_DEADLINE.toNanos()) {
                return;
            }
            interruptedForDeadline = true;
            callingThread.interrupt();
            LOG.warn("listener " + calling + " has not returned after " + CALL_DEADLINE.toSeconds() + " s; it is"
                    + " interrupted, and snapshots and heap inspections wait until it returns");
        }
    }
}
