package io.leakwatch.examples.zoo;

import java.util.ArrayList;
import java.util.List;

/** Healthy: every 4 seconds a batch builds about 60 MB of records, then drops them all. */
final class BatchJob implements Scenario {
    private final List<byte[]> batch = new ArrayList<>();
    private long batchStart = System.nanoTime();

    @Override
    public String description() {
        return "healthy: a batch job that builds large data, then drops it";
    }

    @Override
    public String leakingClass() {
        return null;
    }

    @Override
    public void step() throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            batch.add(new byte[1024]);
        }
        if (System.nanoTime() - batchStart > 4_000_000_000L) {
            batch.clear();
            batchStart = System.nanoTime();
        }
        Churn.allocate(100);
        Thread.sleep(10);
    }
}
