package io.leakwatch.examples.zoo;

import io.leakwatch.core.LeakKind;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Leak (threads): every job gets an executor of its own that is never shut down, so its thread waits for work
 * forever (5 threads a second, each with its stack).
 */
final class ExecutorPerJobLeak implements Scenario {
    private long jobs;

    @Override
    public String description() {
        return "leak: an executor created per job and never shut down";
    }

    @Override
    public String leakingClass() {
        return "ExecutorPerJobLeak";
    }

    @Override
    public LeakKind kind() {
        return LeakKind.THREADS;
    }

    @Override
    public void step() throws InterruptedException {
        if (jobs++ % 20 == 0) {
            runJob();
        }
        Churn.allocate(20);
        Thread.sleep(10);
    }

    private void runJob() {
        // A pool of one thread: its idle worker keeps the pool reachable, so nothing ever stops it. (A single-thread
        // executor would be shut down once unreachable: JDK 17 finalizes it, JDK 21 and later clean it up.)
        ExecutorService executor = Executors.newFixedThreadPool(1);
        executor.submit(() -> Churn.allocate(8));
        // The bug: no executor.shutdown().
    }
}
