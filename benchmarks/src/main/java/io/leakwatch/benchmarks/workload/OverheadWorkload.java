package io.leakwatch.benchmarks.workload;

import javax.management.ObjectName;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A workload of the overhead benchmark, run in a child JVM: {@code OverheadWorkload
 * <allocation|realistic|churn|servlet> <seconds> [<warm-up seconds>]}, with {@code -Doverhead.ballastMegabytes=N}
 * to keep N MB of small arrays live throughout. It knows nothing of Leakwatch, which the benchmark attaches as the
 * agent, as a user would. It prints, one {@code key=value} per line: {@code opsPerSecond} over the run after its
 * warm-up (5 s unless given; a longer one leaves the start-up of JFR, the monitor and the JIT compilation of their
 * code out); {@code cpuNanosPerOp}, the CPU time of the whole process over the same span (GC, JFR, the monitor and,
 * for the servlet, Tomcat's threads included) per operation; {@code throughputByTenSeconds}, the operations per
 * second of each 10 s of the whole run, warm-up included (how the cost changes as the run goes on); {@code threads}
 * and {@code leakwatchThreads} alive at the end; {@code heapAfterGc}, the heap in use after a full collection at the
 * end; {@code leakwatchObjectBytes} and {@code jfrObjectBytes}, the shallow size of the instances of Leakwatch's and
 * JFR's own classes then (from a class histogram: a lower bound of what they retain, since the arrays they hold are
 * counted as arrays); {@code javaVersion} and {@code collectors}.
 */
public final class OverheadWorkload {
    private static final long DEFAULT_WARM_UP_SECONDS = 5;
    /**
     * Megabytes of small arrays kept live for the whole run (none unless given): the heap a monitor retains, without
     * the monitor, to tell what its footprint costs on a heap near its limit from what its work costs.
     */
    private static final String BALLAST_PROPERTY = "overhead.ballastMegabytes";
    /** A 32-byte array takes 48 bytes with its header: about the mean size of the monitor's own objects. */
    private static final int BALLAST_ARRAY_LENGTH = 32;
    private static final int BALLAST_OBJECT_BYTES = 48;

    private OverheadWorkload() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = Long.parseLong(args[1]);
        long warmUpSeconds = args.length > 2 ? Long.parseLong(args[2]) : DEFAULT_WARM_UP_SECONDS;
        byte[][] ballast = ballast(Long.getLong(BALLAST_PROPERTY, 0));
        try (Workload workload = create(args[0])) {
            run(workload, seconds, warmUpSeconds);
        }
        System.out.println("ballastArrays=" + ballast.length);
    }

    private static byte[][] ballast(long megabytes) {
        byte[][] ballast = new byte[(int) (megabytes * 1024 * 1024 / BALLAST_OBJECT_BYTES)][];
        for (int i = 0; i < ballast.length; i++) {
            ballast[i] = new byte[BALLAST_ARRAY_LENGTH];
        }
        return ballast;
    }

    private static Workload create(String name) throws Exception {
        return switch (name) {
            case "allocation" -> new AllocationStorm();
            case "realistic" -> new RequestChurn();
            case "churn" -> new RetainedSetChurn();
            case "servlet" -> new ServletRequests();
            default -> throw new IllegalArgumentException("unknown workload " + name
                    + "; expected allocation, realistic, churn or servlet");
        };
    }

    private static void run(Workload workload, long seconds, long warmUpSeconds) throws Exception {
        long start = System.nanoTime();
        long measureFrom = start + warmUpSeconds * 1_000_000_000L;
        long end = start + seconds * 1_000_000_000L;
        com.sun.management.OperatingSystemMXBean system =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuAtMeasureFrom = -1;
        long ops = 0;
        long[] opsBy10s = new long[(int) ((seconds + 9) / 10)];
        long sink = 0;
        long counter = 0;
        // Operations are timed in batches, so that reading the clock costs nothing next to them; a servlet request
        // takes some 50 µs, an allocation some 10 ns.
        int batch = workload instanceof ServletRequests ? 10 : 1000;
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            if (now >= measureFrom && cpuAtMeasureFrom < 0) {
                cpuAtMeasureFrom = system.getProcessCpuTime();
            }
            for (int i = 0; i < batch; i++) {
                sink += workload.operate(counter++);
            }
            opsBy10s[(int) ((now - start) / 10_000_000_000L)] += batch;
            if (now >= measureFrom) {
                ops += batch;
            }
        }
        long cpu = system.getProcessCpuTime() - cpuAtMeasureFrom;
        double measuredSeconds = (end - measureFrom) / 1e9;
        System.gc();
        long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long[] own = ownObjectBytes();
        System.out.println("opsPerSecond=" + (long) (ops / measuredSeconds));
        System.out.println("cpuNanosPerOp=" + (double) cpu / ops);
        System.out.println("throughputByTenSeconds=" + IntStream.range(0, opsBy10s.length)
                // the last window is shorter when the run's length is not a multiple of 10 s
                .mapToObj(i -> Long.toString(opsBy10s[i] / Math.min(10, seconds - 10L * i)))
                .collect(Collectors.joining(",")));
        System.out.println("threads=" + Thread.activeCount());
        System.out.println("leakwatchThreads=" + Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("leakwatch-")).count());
        System.out.println("heapAfterGc=" + heapUsed);
        System.out.println("leakwatchObjectBytes=" + own[0]);
        System.out.println("jfrObjectBytes=" + own[1]);
        System.out.println("javaVersion=" + Runtime.version());
        System.out.println("collectors=" + ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(" + ")));
        System.out.println("sink=" + sink);
    }

    /**
     * Bytes of the instances of Leakwatch's classes (its relocated HdrHistogram included, this benchmark's own
     * classes not) and of {@code jdk.jfr} classes, from the JVM's class histogram (which runs a full collection).
     */
    private static long[] ownObjectBytes() throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[]{new String[0]}, new String[]{String[].class.getName()});
        long[] bytes = new long[2];
        for (String line : histogram.split("\\R")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 4 || !fields[0].endsWith(":")) {
                continue;
            }
            String type = fields[3];
            if (type.startsWith("io.leakwatch.") && !type.startsWith("io.leakwatch.benchmarks.")) {
                bytes[0] += Long.parseLong(fields[2]);
            } else if (type.startsWith("jdk.jfr.")) {
                bytes[1] += Long.parseLong(fields[2]);
            }
        }
        return bytes;
    }
}
