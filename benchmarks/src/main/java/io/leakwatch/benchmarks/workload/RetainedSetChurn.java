package io.leakwatch.benchmarks.workload;

/**
 * Allocation churn over a 60 MB retained set, the workload of DESIGN.md fact 13 (generational ZGC stalled under the
 * old-object sampler): 60,000 slots of 1 kB arrays, one of which each operation replaces, so that old objects keep
 * dying and old collections keep running, plus a little garbage that dies young. Meant for {@code -Xmx256m}.
 */
final class RetainedSetChurn implements Workload {
    static final int SLOTS = 60_000;
    static final int SLOT_BYTES = 1024;
    private final byte[][] retained = new byte[SLOTS][];
    private final Object[] ring = new Object[256];

    RetainedSetChurn() {
        for (int i = 0; i < SLOTS; i++) {
            retained[i] = new byte[SLOT_BYTES];
        }
    }

    @Override
    public long operate(long i) {
        // A stride co-prime with the slot count visits every slot, in an order the hardware cannot predict well.
        int slot = (int) ((i * 7919) % SLOTS);
        byte[] replacement = new byte[SLOT_BYTES];
        replacement[0] = (byte) i;
        retained[slot] = replacement;
        byte[] garbage = new byte[128];
        ring[(int) (i & (ring.length - 1))] = garbage;
        return replacement[0] + garbage.length;
    }
}
