package io.leakwatch.examples.zoo;

import java.util.HashMap;
import java.util.Map;

/** Leak: a memo cache keyed by inputs that never repeat, with no bound and no eviction. */
final class MemoCacheLeak implements Scenario {
    private final Map<String, Result> memo = new HashMap<>();
    private long request;

    @Override
    public String description() {
        return "leak: an unbounded memo cache keyed by inputs that never repeat";
    }

    @Override
    public String leakingClass() {
        return "MemoCacheLeak$Result";
    }

    @Override
    public void step() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            String key = "quote-" + request++;
            memo.computeIfAbsent(key, Result::new);
        }
        Churn.allocate(400);
        Thread.sleep(10);
    }

    static final class Result {
        final String key;
        final double[] values = new double[100];

        Result(String key) {
            this.key = key;
        }
    }
}
