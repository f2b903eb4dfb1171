package io.leakwatch.examples;

import java.util.ArrayList;
import java.util.List;

/** A program that knows nothing of Leakwatch: it allocates for the given seconds, keeping a little, then ends. */
public final class UnmonitoredProgram {
    /** Garbage passes through here so that the JIT cannot remove its allocation. */
    private static final Object[] RING = new Object[16];

    private UnmonitoredProgram() {
    }

    public static void main(String[] args) throws InterruptedException {
        long end = System.nanoTime() + Long.parseLong(args[0]) * 1_000_000_000L;
        List<long[]> kept = new ArrayList<>();
        while (System.nanoTime() < end) {
            kept.add(new long[64]);
            for (int i = 0; i < 25; i++) {
                RING[i & (RING.length - 1)] = new byte[8 * 1024];
            }
            Thread.sleep(5);
        }
        System.out.println("unmonitored program done, kept " + kept.size());
    }
}
