package io.leakwatch.examples.zoo;

import io.leakwatch.core.LeakKind;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Healthy (threads): a pool of 32 threads that grows to its bound in the first seconds and stays there, beside a
 * thread started per request that ends when the request does.
 */
final class BoundedThreadPool implements Scenario {
    private static final int BOUND = 32;
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(BOUND, BOUND, 1, TimeUnit.MINUTES,
            new LinkedBlockingQueue<>());
    private long requests;

    @Override
    public String description() {
        return "healthy: a thread pool that grows to its bound, and threads that end with their request";
    }

    @Override
    public String leakingClass() {
        return null;
    }

    @Override
    public LeakKind kind() {
        return LeakKind.THREADS;
    }

    @Override
    public void step() throws InterruptedException {
        pool.execute(() -> Churn.allocate(16));
        if (requests++ % 5 == 0) {
            Thread request = new Thread(() -> Churn.allocate(16), "request-" + requests);
            request.start();
            request.join();
        }
        Churn.allocate(20);
        Thread.sleep(10);
    }
}
