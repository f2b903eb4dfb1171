package io.leakwatch.jfr.programs;

import java.util.ArrayList;
import java.util.List;

/** Leak: small 32-byte records appended to a static list (about 0.4 MB/s), among larger garbage arrays. */
final class SmallObjectLeak implements MonitoredProgram.Workload {
    static final List<Point> POINTS = new ArrayList<>();
    private long next;

    @Override
    public void step() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            POINTS.add(new Point(next, next++));
        }
        MonitoredProgram.churn(400);
        Thread.sleep(10);
    }

    record Point(long x, long y) {
    }
}
