package io.leakwatch.jfr.internal;

import io.leakwatch.jfr.internal.log.Log;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The threads of one monitor: named {@code leakwatch-*}, daemons (a monitor nobody closed must not keep the JVM
 * alive), and remembered, so that {@code close()} can wait until each has ended.
 */
final class MonitorThreads {
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Log LOG = Log.get();

    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    /** A factory of threads with this name, for an executor. */
    ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        };
    }

    /**
     * Waits until every thread has ended. An executor counts as terminated while its worker thread is still
     * finishing (a test saw a worker alive right after {@code awaitTermination}), so the threads are joined too.
     */
    void joinAll() {
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (thread.isAlive()) {
                LOG.warn("the thread " + thread.getName() + " did not stop within " + STOP_TIMEOUT.toSeconds() + " s");
            }
        }
    }
}
