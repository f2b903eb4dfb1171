package io.leakwatch.examples.zoo;

/**
 * Short-lived garbage that drives young collections, as request handling does. The arrays pass through a small ring
 * so that they escape: the JIT removes allocations nothing can see (seen here after a few seconds).
 */
final class Churn {
    private static final Object[] RING = new Object[16];
    private static int next;

    private Churn() {
    }

    static void allocate(int kilobytes) {
        for (int i = 0; i < kilobytes / 8; i++) {
            RING[next++ & (RING.length - 1)] = new byte[8 * 1024];
        }
    }
}
