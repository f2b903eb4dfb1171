package io.leakwatch.jfr.internal;

import io.leakwatch.jfr.internal.log.Log;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The worker thread, {@code leakwatch-worker}: runs, one at a time and in the order they fall due, everything of the
 * monitor's that JFR must record or that may take long: evidence snapshots, heap inspections and chain snapshots,
 * verdict events, listener calls. The stream thread cannot do these: JFR does not record events committed on a
 * stream's own thread, and the analysis must not wait for them.
 */
final class Worker {
    /** Verdict changes still queued when the monitor closes are delivered if they take no longer than this. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(2);
    private static final Log LOG = Log.get();

    private final ScheduledThreadPoolExecutor executor;

    Worker(MonitorThreads threads) {
        executor = new ScheduledThreadPoolExecutor(1, threads.named("leakwatch-worker"));
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Runs {@code task} every {@code period}, the first time one period from now. */
    void every(Duration period, String what, Runnable task) {
        long millis = period.toMillis();
        executor.scheduleWithFixedDelay(guarded(what, task), millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} as soon as the worker is free; dropped once the monitor is closing. */
    void submit(String what, Runnable task) {
        try {
            executor.execute(guarded(what, task));
        } catch (RejectedExecutionException e) {
            LOG.debug(() -> "closing: " + what + " dropped");
        }
    }

    /**
     * Stops the worker: periodic work ends at once, verdicts already queued are still delivered for a moment, then
     * the task in progress is interrupted. Returns when the worker has stopped, or after {@link
     * MonitorThreads#STOP_TIMEOUT}.
     */
    void stop() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
                if (!executor.awaitTermination(MonitorThreads.STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("the worker thread did not stop within " + MonitorThreads.STOP_TIMEOUT.toSeconds()
                            + " s");
                }
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** A periodic task that throws would never run again; one failure is logged instead. */
    private static Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn(what + " failed", e);
            }
        };
    }
}
