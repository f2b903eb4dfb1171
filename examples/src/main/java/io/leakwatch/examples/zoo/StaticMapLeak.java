package io.leakwatch.examples.zoo;

import java.util.HashMap;
import java.util.Map;

/** Leak: every request registers a customer in a static map that is never cleared (about 0.45 MB/s). */
final class StaticMapLeak implements Scenario {
    static final Map<Long, Customer> CUSTOMERS = new HashMap<>();
    private long next;

    @Override
    public String description() {
        return "leak: a static map of customers that only grows";
    }

    @Override
    public String leakingClass() {
        return "StaticMapLeak$Customer";
    }

    @Override
    public void step() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            CUSTOMERS.put(next, new Customer(next));
            next++;
        }
        Churn.allocate(400);
        Thread.sleep(10);
    }

    static final class Customer {
        final long id;
        final long[] history = new long[100];

        Customer(long id) {
            this.id = id;
        }
    }
}
