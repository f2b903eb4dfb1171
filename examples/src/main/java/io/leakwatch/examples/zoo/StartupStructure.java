package io.leakwatch.examples.zoo;

import java.util.HashMap;
import java.util.Map;

/** Healthy: a 60 MB lookup table built once at start, then only read. */
final class StartupStructure implements Scenario {
    private final Map<Integer, long[]> table = new HashMap<>();
    private int next;

    StartupStructure() {
        for (int i = 0; i < 60_000; i++) {
            table.put(i, new long[120]);
        }
    }

    @Override
    public String description() {
        return "healthy: a large structure built once at start, then only read";
    }

    @Override
    public String leakingClass() {
        return null;
    }

    @Override
    public void step() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            table.get(next++ % 60_000)[0]++;
        }
        Churn.allocate(400);
        Thread.sleep(10);
    }
}
