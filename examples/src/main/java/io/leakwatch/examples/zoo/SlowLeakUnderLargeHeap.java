package io.leakwatch.examples.zoo;

import java.util.ArrayList;
import java.util.List;

/**
 * Leak: 100 MB of stable data built at start, and an audit log that grows by about 0.25 MB/s (0.1% of a 256 MB heap
 * per second) on top of it.
 */
final class SlowLeakUnderLargeHeap implements Scenario {
    static final List<byte[]> STABLE = new ArrayList<>();
    static final List<AuditRecord> AUDIT_LOG = new ArrayList<>();

    SlowLeakUnderLargeHeap() {
        for (int i = 0; i < 100_000; i++) {
            STABLE.add(new byte[1000]);
        }
    }

    @Override
    public String description() {
        return "leak: a slow audit-log leak on top of a large, stable heap";
    }

    @Override
    public String leakingClass() {
        return "SlowLeakUnderLargeHeap$AuditRecord";
    }

    @Override
    public void step() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            AUDIT_LOG.add(new AuditRecord());
        }
        Churn.allocate(400);
        Thread.sleep(10);
    }

    static final class AuditRecord {
        final long[] fields = new long[100];
    }
}
