package io.leakwatch.jfr.programs;

import java.util.HashMap;
import java.util.Map;

/** Leak: every request registers a customer in a static map that is never cleared (about 0.45 MB/s). */
final class StaticMapLeak implements MonitoredProgram.Workload {
    static final Map<Long, Customer> CUSTOMERS = new HashMap<>();
    private long next;

    @Override
    public void step() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            CUSTOMERS.put(next, new Customer(next));
            next++;
        }
        MonitoredProgram.churn(400);
        Thread.sleep(10);
    }

    static final class Customer {
        final long id;
        final long[] data = new long[100];

        Customer(long id) {
            this.id = id;
        }
    }
}
