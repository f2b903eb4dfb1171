package io.leakwatch.jfr.programs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Healthy: an LRU cache of 40,000 one-kilobyte values (about 45 MB) that fills in seconds, then only replaces. */
final class LruCache implements MonitoredProgram.Workload {
    static final int CAPACITY = 40_000;
    static final Map<Integer, byte[]> CACHE = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, byte[]> eldest) {
            return size() > CAPACITY;
        }
    };
    private final Random random = new Random(1);

    @Override
    public void step() throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            CACHE.computeIfAbsent(random.nextInt(4 * CAPACITY), key -> new byte[1000]);
        }
        MonitoredProgram.churn(200);
        Thread.sleep(10);
    }
}
