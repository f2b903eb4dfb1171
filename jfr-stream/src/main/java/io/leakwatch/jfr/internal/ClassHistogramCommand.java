package io.leakwatch.jfr.internal;

import io.leakwatch.core.ClassHistogram;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.time.Instant;

/**
 * Runs the JVM's {@code GC.class_histogram} diagnostic command in-process through the {@code DiagnosticCommand}
 * MBean's {@code gcClassHistogram} operation. The command runs a full collection first, so it counts live objects
 * only.
 */
public final class ClassHistogramCommand {
    private static final String[] SIGNATURE = {String[].class.getName()};

    private ClassHistogramCommand() {
    }

    /**
     * The live objects of each type, after a full collection.
     *
     * @throws IllegalStateException when the JVM offers no class histogram (no {@code jdk.management} module)
     */
    public static ClassHistogram histogram() {
        Instant time = Instant.now();
        return new ClassHistogram(time, true, ClassHistogramParser.parse(text()).entries());
    }

    /**
     * The command's output.
     *
     * @throws IllegalStateException as {@link #histogram()}
     */
    static String text() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        String text;
        try {
            text = (String) server.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram", new Object[]{new String[0]}, SIGNATURE);
        } catch (JMException e) {
            throw new IllegalStateException("the JVM's class histogram command is not available: " + e.getMessage(),
                    e);
        }
        return text;
    }
}
