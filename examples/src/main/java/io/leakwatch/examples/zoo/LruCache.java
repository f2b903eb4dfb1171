package io.leakwatch.examples.zoo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Healthy: an LRU cache of 40,000 one-kilobyte values (about 45 MB) that fills in seconds, then only replaces. */
final class LruCache implements Scenario {
    static final int CAPACITY = 40_000;
    private final Map<Integer, byte[]> cache = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, byte[]> eldest) {
            return size() > CAPACITY;
        }
    };
    private final Random random = new Random(1);

    @Override
    public String description() {
        return "healthy: a bounded LRU cache that fills, then stays full";
    }

    @Override
    public String leakingClass() {
        return null;
    }

    @Override
    public void step() throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            cache.computeIfAbsent(random.nextInt(4 * CAPACITY), key -> new byte[1000]);
        }
        Churn.allocate(200);
        Thread.sleep(10);
    }
}
