package io.leakwatch.jfr.internal;

import io.leakwatch.core.ClassHistogram;
import io.leakwatch.jfr.internal.log.Log;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs the JVM's {@code GC.class_histogram} diagnostic command in-process through the {@code DiagnosticCommand}
 * MBean's {@code gcClassHistogram} operation, after a full collection, so that it counts live objects only.
 *
 * <p>Under generational ZGC the command's own collection is a concurrent major cycle, run before its safepoint from
 * the calling thread while the application runs: the command took 146-163 ms where its {@code GC_HeapInspection}
 * safepoint took 19-36 ms ({@code -Xlog:safepoint}, JDK 25, 120 MB live with churn), and charged whole to the pause
 * budget it held inspections back (4 in 180 s at the defaults, each charged 255-715 ms on a loaded machine). So there
 * the collection is {@link System#gc()}, the same major cycle (it unloads classes too, which the class-metadata kind
 * reads), then the command with {@code -all}, which runs no collection of its own. What is charged is the command,
 * plus the cycle's time in the share of the machine its threads take ({@code ConcGCThreads} of the available
 * processors): the cycle holds no application thread up, but its collector threads take cores the application and
 * its own collections would have had (under generational ZGC, collector time lost becomes allocation stalls,
 * docs/BENCHMARKS.md). With {@code -XX:+DisableExplicitGC} the command runs as it is, charged whole. (ZGC on JDK 17 runs no collection for the
 * command: its heap walk starts from the roots, so it counts live objects without one, measured with a million
 * dropped objects; its command is its safepoint.)
 *
 * <p>Making one looks the MBean up; the first lookup in a JVM starts its platform MBean server, which took 350-380 ms
 * on this machine kind (JDK 17) and holds up no application thread, whereas each command then is one safepoint
 * (within a few ms of the JVM's {@code GC_HeapInspection} safepoint, measured with {@code -Xlog:safepoint}).
 * {@link #inspect()} says how much of the application's time an inspection took.
 */
public final class ClassHistogramCommand {
    private static final Log LOG = Log.get();
    private static final String[] SIGNATURE = {String[].class.getName()};
    private static final String[] AFTER_A_FULL_COLLECTION = {};
    private static final String[] ALL_OBJECTS = {"-all"};

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName name;
    private final boolean collectsFirst;
    /** The share of the machine a concurrent cycle takes: its threads over the available processors. */
    private final double cycleShare;

    /** The command's output, and how much of the application's time it took. */
    record Inspection(String text, Duration holdUp) {
    }

    /** Looks the command's MBean up. */
    public ClassHistogramCommand() {
        try {
            name = new ObjectName("com.sun.management:type=DiagnosticCommand");
        } catch (MalformedObjectNameException e) {
            throw new AssertionError("a constant name", e);
        }
        collectsFirst = EvidencePlan.generationalZgc(ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList()) && !"true".equals(vmOption("DisableExplicitGC", "true"));
        cycleShare = collectsFirst ? cycleShare(vmOption("ConcGCThreads", "0")) : 0;
    }

    /**
     * The live objects of each type, after a full collection.
     *
     * @throws IllegalStateException when the JVM offers no class histogram (no {@code jdk.management} module)
     */
    public ClassHistogram histogram() {
        Instant time = Instant.now();
        return new ClassHistogram(time, true, ClassHistogramParser.parse(inspect().text()).entries());
    }

    /**
     * The command's output after a full collection, and how much of the application's time it took: the command's
     * time, and under generational ZGC the concurrent cycle's in the share of the machine its threads take.
     *
     * @throws IllegalStateException as {@link #histogram()}
     */
    Inspection inspect() {
        long cycleNanos = 0;
        if (collectsFirst) {
            long cycleStart = System.nanoTime();
            System.gc();
            cycleNanos = System.nanoTime() - cycleStart;
        }
        long start = System.nanoTime();
        String text = run(collectsFirst ? ALL_OBJECTS : AFTER_A_FULL_COLLECTION);
        long commandNanos = System.nanoTime() - start;
        return new Inspection(text, Duration.ofNanos(commandNanos + Math.round(cycleNanos * cycleShare)));
    }

    /** {@code ConcGCThreads} over the available processors; all of the machine when the flag cannot be read. */
    static double cycleShare(String concurrentThreads) {
        int processors = Runtime.getRuntime().availableProcessors();
        try {
            int threads = Integer.parseInt(concurrentThreads);
            return threads <= 0 ? 1 : Math.min(1, threads / (double) processors);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private String run(String[] arguments) {
        try {
            return (String) server.invoke(name, "gcClassHistogram", new Object[]{arguments}, SIGNATURE);
        } catch (JMException e) {
            throw new IllegalStateException("the JVM's class histogram command is not available: " + e.getMessage(),
                    e);
        }
    }

    /** A flag's value, or {@code unknown} when it cannot be read. */
    private String vmOption(String flag, String unknown) {
        try {
            // Through the MBean server, as the command: the module need not require jdk.management.
            CompositeData option = (CompositeData) server.invoke(new ObjectName(
                    "com.sun.management:type=HotSpotDiagnostic"), "getVMOption", new Object[]{flag},
                    new String[]{String.class.getName()});
            return String.valueOf(option.get("value"));
        } catch (JMException | RuntimeException e) {
            LOG.debug(() -> "cannot read -XX:" + flag + ": " + e);
            return unknown;
        }
    }
}
