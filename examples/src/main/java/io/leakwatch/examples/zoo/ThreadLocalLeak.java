package io.leakwatch.examples.zoo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Leak: pool threads keep a per-thread request context in a ThreadLocal that tasks append to and never remove; the
 * pool's threads live forever, and so does what they hold.
 */
final class ThreadLocalLeak implements Scenario {
    private static final ThreadLocal<List<RequestContext>> CONTEXTS = ThreadLocal.withInitial(ArrayList::new);
    private final ExecutorService pool = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "zoo-worker");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public String description() {
        return "leak: a ThreadLocal in a thread pool that tasks fill and never clear";
    }

    @Override
    public String leakingClass() {
        return "ThreadLocalLeak$RequestContext";
    }

    @Override
    public void step() throws InterruptedException {
        List<Future<?>> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tasks.add(pool.submit(() -> CONTEXTS.get().add(new RequestContext())));
        }
        for (Future<?> task : tasks) {
            try {
                task.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
        Churn.allocate(400);
        Thread.sleep(10);
    }

    static final class RequestContext {
        final byte[] attributes = new byte[1024];
    }
}
