package io.leakwatch.benchmarks.workload;

/** An allocation storm: small objects that die at once. */
final class AllocationStorm implements Workload {
    private final Object[] ring = new Object[1024];

    @Override
    public long operate(long i) {
        Object[] holder = new Object[4];
        holder[0] = new byte[64];
        ring[(int) (i & (ring.length - 1))] = holder;
        return holder.length;
    }
}
