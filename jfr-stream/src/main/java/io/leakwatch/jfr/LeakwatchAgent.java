package io.leakwatch.jfr;

import java.lang.instrument.Instrumentation;
import java.util.Properties;

/**
 * Starts a {@link LeakMonitor} with no code change: {@code java -javaagent:leakwatch-jfr-stream-<version>-agent.jar
 * -jar service.jar}. Settings come from {@code leakwatch.*} system properties, or from the agent's argument as
 * comma-separated {@code key=value} pairs without the prefix ({@code -javaagent:...jar=dir=/var/log/lw,warmUp=2m}),
 * which win over the properties.
 *
 * <p>A setting that cannot be used, or a JVM without Flight Recorder, stops the monitor from starting with one line
 * on standard error; it never stops the application.
 */
public final class LeakwatchAgent {
    private LeakwatchAgent() {
    }

    /** Called by the JVM before {@code main} for {@code -javaagent}. */
    public static void premain(String arguments, Instrumentation instrumentation) {
        startMonitor(arguments);
    }

    /** Called by the JVM when the agent is loaded into a running JVM. */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        startMonitor(arguments);
    }

    static void startMonitor(String arguments) {
        try {
            Properties properties = new Properties();
            properties.putAll(System.getProperties());
            if (arguments != null && !arguments.isBlank()) {
                for (String pair : arguments.split(",")) {
                    int equals = pair.indexOf('=');
                    if (equals <= 0) {
                        throw new IllegalArgumentException("Bad agent argument '" + pair
                                + "': expected key=value, for example dir=/tmp/leakwatch");
                    }
                    properties.setProperty("leakwatch." + pair.substring(0, equals).trim(),
                            pair.substring(equals + 1).trim());
                }
            }
            LeakMonitor.start(LeakMonitorConfig.fromProperties(properties));
        } catch (RuntimeException e) {
            System.err.println("[leakwatch] not started: " + e.getMessage());
        }
    }
}
