package io.leakwatch.jfr;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link LeakwatchAgent#agentmain} did for a tool that loaded the agent into a running JVM through the Attach
 * API. The agent runs inside the target JVM, so it answers there: it sets the system property {@value #PROPERTY},
 * which the tool reads back through the same connection.
 *
 * <pre>{@code
 * VirtualMachine vm = VirtualMachine.attach(pid);
 * vm.loadAgent(agentJar, "attach=" + requestId + ",dir=/var/log/leakwatch");   // or "attach=" + requestId + ",stop"
 * AttachReply reply = AttachReply.decode(vm.getSystemProperties().getProperty(AttachReply.PROPERTY));
 * }</pre>
 *
 * @param requestId       the id the tool passed as {@code attach=<id>}, so that it never reads an earlier answer
 * @param outcome         what happened
 * @param outputDirectory the output directory of the monitor that was started, stopped or found running, or null
 * @param evidenceFile    that monitor's evidence recording, or null
 * @param message         why nothing was done, in words a user can act on; empty when there is nothing to say
 */
public record AttachReply(String requestId, Outcome outcome, Path outputDirectory, Path evidenceFile,
                          String message) {
    /** The system property of the target JVM that holds the latest answer, encoded by {@link #encode()}. */
    public static final String PROPERTY = "io.leakwatch.attach.reply";

    /** What the agent did. */
    public enum Outcome {
        /** A monitor was started. */
        STARTED,
        /** A monitor was running already, started by the application or an earlier attach; nothing changed. */
        ALREADY_RUNNING,
        /** The monitor an earlier attach had started was closed; its evidence was written a last time. */
        STOPPED,
        /** There was no monitor started by an attach to stop. */
        NOT_RUNNING,
        /** No monitor could be started: see the message. */
        FAILED
    }

    public AttachReply {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(outcome, "outcome");
        message = message == null ? "" : message;
    }

    /** The reply as one property value: a line {@code key=value} per component, missing components left out. */
    public String encode() {
        StringBuilder text = new StringBuilder();
        text.append("id=").append(requestId).append('\n');
        text.append("outcome=").append(outcome.name().toLowerCase(Locale.ROOT)).append('\n');
        if (outputDirectory != null) {
            text.append("dir=").append(oneLine(outputDirectory.toString())).append('\n');
        }
        if (evidenceFile != null) {
            text.append("evidence=").append(oneLine(evidenceFile.toString())).append('\n');
        }
        if (!message.isEmpty()) {
            text.append("message=").append(oneLine(message)).append('\n');
        }
        return text.toString();
    }

    /**
     * The reply that {@link #encode()} wrote.
     *
     * @throws IllegalArgumentException when {@code text} is not such a reply (null, no id, an unknown outcome)
     */
    public static AttachReply decode(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no reply");
        }
        Map<String, String> fields = new HashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                fields.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        String id = fields.get("id");
        String outcome = fields.get("outcome");
        if (id == null || outcome == null) {
            throw new IllegalArgumentException("not a Leakwatch attach reply: " + text);
        }
        try {
            return new AttachReply(id, Outcome.valueOf(outcome.toUpperCase(Locale.ROOT)), path(fields.get("dir")),
                    path(fields.get("evidence")), fields.get("message"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a Leakwatch attach reply (unknown outcome '" + outcome + "')", e);
        }
    }

    private static Path path(String value) {
        return value == null ? null : Path.of(value);
    }

    private static String oneLine(String value) {
        return value.replace('\n', ' ').replace('\r', ' ');
    }
}
