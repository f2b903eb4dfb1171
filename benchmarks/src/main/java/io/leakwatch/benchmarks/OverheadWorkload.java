package io.leakwatch.benchmarks;

import io.leakwatch.jfr.LeakMonitor;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A workload for the overhead benchmark, run in a child JVM: {@code OverheadWorkload <allocation|realistic>
 * <seconds> [monitor]}. Prints {@code opsPerSecond} over the run after a 5 s warm-up, {@code cpuNanosPerOp} (CPU
 * time of the whole process over the same span, GC, JFR and monitor threads included, per operation), the live
 * thread count, and the heap in use after a full collection at the end.
 */
public final class OverheadWorkload {
    private static final long WARM_UP_NANOS = 5_000_000_000L;
    private static final Object[] RING = new Object[1024];
    private static final Map<Long, byte[]> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > 20_000;
        }
    };

    private OverheadWorkload() {
    }

    public static void main(String[] args) throws Exception {
        boolean realistic = args[0].equals("realistic");
        long seconds = Long.parseLong(args[1]);
        LeakMonitor monitor = args.length > 2 && args[2].equals("monitor") ? LeakMonitor.start() : null;
        long start = System.nanoTime();
        long measureFrom = start + WARM_UP_NANOS;
        long end = start + seconds * 1_000_000_000L;
        com.sun.management.OperatingSystemMXBean system =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuAtMeasureFrom = -1;
        long ops = 0;
        long sink = 0;
        long counter = 0;
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            if (now >= measureFrom && cpuAtMeasureFrom < 0) {
                cpuAtMeasureFrom = system.getProcessCpuTime();
            }
            for (int i = 0; i < 1000; i++) {
                sink += realistic ? request(counter++) : allocate(counter++);
            }
            if (now >= measureFrom) {
                ops += 1000;
            }
        }
        long cpu = system.getProcessCpuTime() - cpuAtMeasureFrom;
        double measuredSeconds = (end - measureFrom) / 1e9;
        System.gc();
        long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.println("opsPerSecond=" + (long) (ops / measuredSeconds));
        System.out.println("cpuNanosPerOp=" + (double) cpu / ops);
        System.out.println("threads=" + Thread.activeCount());
        System.out.println("heapAfterGc=" + heapUsed);
        System.out.println("sink=" + sink);
        if (monitor != null) {
            monitor.close();
        }
    }

    /** An allocation storm: small objects that die at once. */
    private static long allocate(long i) {
        Object[] holder = new Object[4];
        holder[0] = new byte[64];
        RING[(int) (i & (RING.length - 1))] = holder;
        return holder.length;
    }

    /** A request: a few objects, some hashing, and one response in a hundred kept in a bounded cache. */
    private static long request(long i) {
        StringBuilder body = new StringBuilder(64).append("request-").append(i).append("-payload");
        byte[] payload = body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long hash = 1125899906842597L;
        for (byte b : payload) {
            hash = 31 * hash + b;
        }
        byte[] response = new byte[256];
        response[0] = (byte) hash;
        RING[(int) (i & (RING.length - 1))] = response;
        if (i % 100 == 0) {
            CACHE.put(i, response);
        }
        return hash;
    }
}
