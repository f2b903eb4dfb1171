package io.leakwatch.jfr.internal;

import io.leakwatch.core.ClassHistogram;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.time.Instant;

/**
 * Runs the JVM's {@code GC.class_histogram} diagnostic command in-process through the {@code DiagnosticCommand}
 * MBean's {@code gcClassHistogram} operation. The command runs a full collection first, so it counts live objects
 * only.
 *
 * <p>Making one looks the MBean up; the first lookup in a JVM starts its platform MBean server, which took 350-380 ms
 * on this machine kind (JDK 17) and holds up no application thread, whereas each command then is one safepoint
 * (its {@link #text()} took within a few ms of the JVM's {@code GC_HeapInspection} safepoint, measured with
 * {@code -Xlog:safepoint}). Whoever counts the pause times {@link #text()} alone.
 */
public final class ClassHistogramCommand {
    private static final String[] SIGNATURE = {String[].class.getName()};

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName name;

    /** Looks the command's MBean up. */
    public ClassHistogramCommand() {
        try {
            name = new ObjectName("com.sun.management:type=DiagnosticCommand");
        } catch (MalformedObjectNameException e) {
            throw new AssertionError("a constant name", e);
        }
    }

    /**
     * The live objects of each type, after a full collection.
     *
     * @throws IllegalStateException when the JVM offers no class histogram (no {@code jdk.management} module)
     */
    public ClassHistogram histogram() {
        Instant time = Instant.now();
        return new ClassHistogram(time, true, ClassHistogramParser.parse(text()).entries());
    }

    /**
     * The command's output.
     *
     * @throws IllegalStateException as {@link #histogram()}
     */
    String text() {
        try {
            return (String) server.invoke(name, "gcClassHistogram", new Object[]{new String[0]}, SIGNATURE);
        } catch (JMException e) {
            throw new IllegalStateException("the JVM's class histogram command is not available: " + e.getMessage(),
                    e);
        }
    }
}
