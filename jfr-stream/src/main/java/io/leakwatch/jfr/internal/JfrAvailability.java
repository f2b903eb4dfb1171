package io.leakwatch.jfr.internal;

/**
 * Whether this JVM has a working Flight Recorder. Touches {@code jdk.jfr} only inside a guard, so that it can be
 * asked in a JVM started without the module ({@code --limit-modules java.base}).
 */
public final class JfrAvailability {
    private JfrAvailability() {
    }

    /** Why JFR cannot be used here, or null when it can. */
    public static String unavailableReason() {
        if (ModuleLayer.boot().findModule("jdk.jfr").isEmpty()) {
            return "the jdk.jfr module is not in this JVM (it was started with --limit-modules, or from a jlink"
                    + " image without jdk.jfr); add jdk.jfr, jdk.management and java.management to the image";
        }
        try {
            if (!jdk.jfr.FlightRecorder.isAvailable()) {
                return "JDK Flight Recorder is disabled in this JVM (-XX:-FlightRecorder); remove that option";
            }
        } catch (LinkageError e) {
            return "JDK Flight Recorder cannot be loaded: " + e;
        }
        return null;
    }
}
