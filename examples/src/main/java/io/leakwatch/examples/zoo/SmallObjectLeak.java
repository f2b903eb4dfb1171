package io.leakwatch.examples.zoo;

import java.util.ArrayList;
import java.util.List;

/**
 * Leak: small 32-byte records appended to a static list (about 0.4 MB/s), among larger garbage arrays. The JVM's
 * sampler favours large allocations (DESIGN.md fact 5), so heap inspections must name this one.
 */
final class SmallObjectLeak implements Scenario {
    static final List<Point> POINTS = new ArrayList<>();
    private long next;

    @Override
    public String description() {
        return "leak: small records appended to a static list among large garbage";
    }

    @Override
    public String leakingClass() {
        return "SmallObjectLeak$Point";
    }

    @Override
    public void step() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            POINTS.add(new Point(next, next++));
        }
        Churn.allocate(400);
        Thread.sleep(10);
    }

    record Point(long x, long y) {
    }
}
