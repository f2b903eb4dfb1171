package io.leakwatch.jfr;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Starts a {@link LeakMonitor} with no code change: {@code java -javaagent:leakwatch-jfr-stream-<version>-agent.jar
 * -jar service.jar}. Settings come from {@code leakwatch.*} system properties, or from the agent's argument as
 * comma-separated {@code key=value} pairs without the prefix ({@code -javaagent:...jar=dir=/var/log/lw,warmUp=2m}),
 * which win over the properties.
 *
 * <p>A setting that cannot be used, or a JVM without Flight Recorder, stops the monitor from starting with one line
 * on standard error; it never stops the application.
 *
 * <p>Loaded into a running JVM through the Attach API ({@code leakwatch attach <pid>} does this), the agent takes
 * the arguments {@code attach=<id>} followed by the settings, or {@code attach=<id>,stop} to close the monitor an
 * earlier attach started; it answers with an {@link AttachReply}.
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
        if (AttachRequest.isRequest(arguments)) {
            AttachRequest.parse(arguments).answer();
        } else {
            startMonitor(arguments);
        }
    }

    static void startMonitor(String arguments) {
        try {
            LeakMonitor.start(config(pairs(arguments)));
        } catch (RuntimeException e) {
            System.err.println("[leakwatch] not started: " + e.getMessage());
        }
    }

    /** The comma-separated parts of the agent's argument. */
    static List<String> pairs(String arguments) {
        List<String> pairs = new ArrayList<>();
        if (arguments != null && !arguments.isBlank()) {
            for (String pair : arguments.split(",")) {
                pairs.add(pair.trim());
            }
        }
        return pairs;
    }

    /**
     * The {@code leakwatch.*} system properties overridden by {@code key=value} pairs.
     *
     * @throws IllegalArgumentException naming the pair or the setting that cannot be used
     */
    static LeakMonitorConfig config(List<String> pairs) {
        Properties properties = new Properties();
        properties.putAll(System.getProperties());
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("Bad agent argument '" + pair
                        + "': expected key=value, for example dir=/tmp/leakwatch");
            }
            properties.setProperty("leakwatch." + pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return LeakMonitorConfig.fromProperties(properties);
    }
}
