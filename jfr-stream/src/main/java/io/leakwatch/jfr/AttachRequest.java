package io.leakwatch.jfr;

import io.leakwatch.jfr.internal.JfrAvailability;

import java.util.ArrayList;
import java.util.List;

/**
 * A request of a tool that loaded the agent into a running JVM: {@code attach=<id>} first, then either {@code stop}
 * or the monitor's settings as for {@code -javaagent}. It is answered with an {@link AttachReply} in the system
 * property {@value AttachReply#PROPERTY}, and one line on standard error, so that whoever watches the JVM's output
 * sees that a tool started or stopped a monitor in it.
 */
final class AttachRequest {
    static final String KEY = "attach";
    private static final String STOP = "stop";

    /**
     * The monitor an attach request started. The JVM calls {@code agentmain} of the one loaded agent class at every
     * attach, so this is what lets {@code stop} close that monitor and never one the application started itself.
     * Guarded by the class lock.
     */
    private static LeakMonitor attached;

    private final String id;
    private final boolean stop;
    private final List<String> settings;

    private AttachRequest(String id, boolean stop, List<String> settings) {
        this.id = id;
        this.stop = stop;
        this.settings = settings;
    }

    /** Whether the agent's arguments are an attach request rather than {@code -javaagent} settings. */
    static boolean isRequest(String arguments) {
        return arguments != null && arguments.startsWith(KEY + "=");
    }

    /** @param arguments agent arguments for which {@link #isRequest} holds */
    static AttachRequest parse(String arguments) {
        List<String> pairs = LeakwatchAgent.pairs(arguments);
        String id = pairs.get(0).substring(KEY.length() + 1).trim();
        List<String> settings = new ArrayList<>(pairs.subList(1, pairs.size()));
        boolean stop = settings.remove(STOP);
        return new AttachRequest(id, stop, settings);
    }

    /** Carries the request out and publishes the reply; never throws, since a throwing agent upsets the JVM. */
    void answer() {
        AttachReply reply;
        try {
            reply = stop ? stop() : start();
        } catch (RuntimeException | LinkageError e) {
            reply = failed(e.getMessage() == null ? e.toString() : e.getMessage());
        }
        System.setProperty(AttachReply.PROPERTY, reply.encode());
        System.err.println("[leakwatch] " + describe(reply));
    }

    private AttachReply start() {
        synchronized (AttachRequest.class) {
            LeakMonitor running = LeakMonitor.running();
            if (running != null) {
                return new AttachReply(id, AttachReply.Outcome.ALREADY_RUNNING, running.config().outputDirectory()
                        .toAbsolutePath(), running.evidenceFile(), running == attached
                        ? "it was started by an earlier leakwatch attach"
                        : "it was started by the application (LeakMonitor.start() or -javaagent)");
            }
            String unavailable = JfrAvailability.unavailableReason();
            if (unavailable != null) {
                return failed("this JVM has no usable Flight Recorder: " + unavailable);
            }
            LeakMonitor monitor = LeakMonitor.start(LeakwatchAgent.config(settings));
            attached = monitor;
            return new AttachReply(id, AttachReply.Outcome.STARTED, monitor.config().outputDirectory()
                    .toAbsolutePath(), monitor.evidenceFile(), "");
        }
    }

    private AttachReply stop() {
        synchronized (AttachRequest.class) {
            LeakMonitor monitor = attached;
            attached = null;
            if (monitor == null || !monitor.isActive()) {
                LeakMonitor running = LeakMonitor.running();
                return new AttachReply(id, AttachReply.Outcome.NOT_RUNNING, null, null, running == null
                        ? "no monitor runs in this JVM"
                        : "the monitor that runs was started by the application, not by leakwatch attach; it is left"
                        + " running");
            }
            monitor.close();
            return new AttachReply(id, AttachReply.Outcome.STOPPED, monitor.config().outputDirectory()
                    .toAbsolutePath(), monitor.evidenceFile(), "");
        }
    }

    private AttachReply failed(String message) {
        return new AttachReply(id, AttachReply.Outcome.FAILED, null, null, message);
    }

    private static String describe(AttachReply reply) {
        return switch (reply.outcome()) {
            case STARTED -> "started by leakwatch attach; evidence in " + reply.evidenceFile();
            case STOPPED -> "stopped by leakwatch attach; evidence in " + reply.evidenceFile();
            case ALREADY_RUNNING -> "leakwatch attach found a monitor running; " + reply.message();
            case NOT_RUNNING -> "leakwatch attach --stop: " + reply.message();
            case FAILED -> "not started: " + reply.message();
        };
    }
}
