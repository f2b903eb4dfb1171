package io.leakwatch.examples;

import java.util.ArrayList;
import java.util.List;

/**
 * A service that knows nothing of Leakwatch, to attach to: it allocates (keeping a little) until its standard input
 * closes, then ends. It says {@code ready} once it runs.
 */
public final class AttachTarget {
    /** Garbage passes through here so that the JIT cannot remove its allocation. */
    private static final Object[] RING = new Object[16];

    private AttachTarget() {
    }

    public static void main(String[] args) throws Exception {
        Thread work = new Thread(AttachTarget::allocate, "target-work");
        work.setDaemon(true);
        work.start();
        System.out.println("ready");
        while (System.in.read() >= 0) {
            // runs until the test closes standard input, or dies with it
        }
        System.out.println("target done");
    }

    private static void allocate() {
        List<long[]> kept = new ArrayList<>();
        try {
            while (true) {
                if (kept.size() < 50_000) {
                    kept.add(new long[64]);
                }
                for (int i = 0; i < 25; i++) {
                    RING[i & (RING.length - 1)] = new byte[8 * 1024];
                }
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
