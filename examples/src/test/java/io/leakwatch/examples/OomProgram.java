package io.leakwatch.examples;

import io.leakwatch.jfr.LeakMonitor;

import java.util.ArrayList;
import java.util.List;

/** Leaks about 2 MB/s under a monitor until the JVM dies of OutOfMemoryError. */
public final class OomProgram {
    static final List<Order> ORDERS = new ArrayList<>();
    private static final Object[] RING = new Object[16];

    private OomProgram() {
    }

    public static void main(String[] args) throws InterruptedException {
        LeakMonitor.start();
        for (long i = 0; ; i++) {
            for (int j = 0; j < 20; j++) {
                ORDERS.add(new Order());
            }
            for (int j = 0; j < 40; j++) {
                RING[j & 15] = new byte[8 * 1024];
            }
            Thread.sleep(10);
        }
    }

    static final class Order {
        final long[] lines = new long[128];
    }
}
