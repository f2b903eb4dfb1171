package io.leakwatch.reports.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import io.leakwatch.jfr.AttachReply;
import io.leakwatch.jfr.LeakMonitorConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code leakwatch attach}: starts the monitor inside a JVM that is already running, by loading the agent through
 * the Attach API, or stops the monitor an earlier attach started. The agent runs in the target, so it answers there,
 * with an {@link AttachReply} in a system property that this command reads back through the same connection.
 */
@Command(name = "attach", mixinStandardHelpOptions = true,
        description = {"Starts the leak monitor in a running JVM with the agent's settings, and says where its"
                + " evidence goes; --stop closes it again.",
                "Exits 0 when the monitor was started or stopped, 6 when the process cannot be attached to, 7 when"
                        + " the monitor could not be started or stopped in it."})
final class AttachCommand implements Callable<Integer> {
    private static final int LEAST_RELEASE = 17;
    /** Java 21 added the warning about agents loaded into a running JVM (JEP 451); earlier JVMs load them silently. */
    private static final int FIRST_WARNING_RELEASE = 21;
    private static final String ALLOW_FLAG = "-XX:+EnableDynamicAgentLoading";
    /** How HotSpot's refusal reads, on 17 and 25 alike, when the JVM runs with -XX:-EnableDynamicAgentLoading. */
    private static final String REFUSAL = "Dynamic agent loading is not enabled";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PID", description = "The process id of the JVM (jcmd -l lists them).")
    private long pid;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "Monitor settings as for -javaagent, for"
            + " example dir=/var/log/leakwatch warmUp=2m (or comma-separated). A relative dir is taken from the current"
            + " directory; without one, the monitor writes to ./leakwatch in the JVM's working directory.")
    private List<String> settings = new ArrayList<>();

    @Option(names = "--stop", description = "Stop the monitor an earlier leakwatch attach started in the process; it"
            + " writes its evidence a last time.")
    private boolean stop;

    /** What the target said, and what this command learnt of it on the way. */
    private record Answer(AttachReply reply, String javaVersion, boolean warned) {
    }

    @Override
    public Integer call() {
        String requestId = UUID.randomUUID().toString();
        String arguments = "attach=" + requestId + settingsArgument() + (stop ? ",stop" : "");
        PrintWriter err = spec.commandLine().getErr();
        try {
            TargetProcess target = TargetProcess.find(pid);
            Answer answer = request(target, arguments, requestId);
            return report(answer, spec.commandLine().getOut(), err);
        } catch (AttachFailure e) {
            err.println("leakwatch: " + e.getMessage());
            return e.exitCode();
        }
    }

    /** The settings as the agent takes them ({@code ,key=value...}), checked here first as the agent would. */
    private String settingsArgument() {
        Properties properties = new Properties();
        StringBuilder argument = new StringBuilder();
        for (String setting : settings) {
            for (String pair : setting.split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "Bad setting '" + pair.trim()
                            + "': expected key=value, for example dir=/var/log/leakwatch (values cannot contain ',')");
                }
                String key = pair.substring(0, equals).trim();
                String value = pair.substring(equals + 1).trim();
                if (key.equals("dir")) {
                    // The agent would resolve a relative directory against the target's working directory.
                    value = Path.of(value).toAbsolutePath().normalize().toString();
                }
                properties.setProperty("leakwatch." + key, value);
                argument.append(',').append(key).append('=').append(value);
            }
        }
        if (stop && !properties.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--stop takes no settings");
        }
        try {
            LeakMonitorConfig.fromProperties(properties);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return argument.toString();
    }

    private static Answer request(TargetProcess target, String arguments, String requestId) throws AttachFailure {
        VirtualMachine vm = attach(target);
        try {
            Properties system = vm.getSystemProperties();
            String javaVersion = system.getProperty("java.version", "unknown");
            int release = release(system.getProperty("java.specification.version", ""));
            if (release > 0 && release < LEAST_RELEASE) {
                throw new AttachFailure(LeakwatchCli.CANNOT_ATTACH, "process " + target.pid() + " runs Java "
                        + javaVersion + "; Leakwatch needs Java " + LEAST_RELEASE + " or later");
            }
            boolean allowed = vm.getAgentProperties().getProperty("sun.jvm.args", "").contains(ALLOW_FLAG);
            load(vm, target, arguments);
            AttachReply reply = reply(vm.getSystemProperties().getProperty(AttachReply.PROPERTY));
            if (reply == null || !reply.requestId().equals(requestId)) {
                throw new AttachFailure(LeakwatchCli.NOT_DONE, "the agent was loaded into process " + target.pid()
                        + " but did not answer; the process's standard error may say why");
            }
            return new Answer(reply, javaVersion, release >= FIRST_WARNING_RELEASE && !allowed);
        } catch (IOException e) {
            throw new AttachFailure(LeakwatchCli.CANNOT_ATTACH, "lost the connection to process " + target.pid()
                    + ": " + e.getMessage());
        } finally {
            try {
                vm.detach();
            } catch (IOException e) {
                // the target went away; everything it had to say was read before
            }
        }
    }

    /** The agent's answer, or null when there is none this command can read (another build's agent answered). */
    private static AttachReply reply(String text) {
        try {
            return text == null ? null : AttachReply.decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A connection to the process, or why there is none; {@code watch} reads the monitor's directory through it. */
    static VirtualMachine attach(TargetProcess target) throws AttachFailure {
        try {
            return VirtualMachine.attach(Long.toString(target.pid()));
        } catch (AttachNotSupportedException e) {
            String message = String.valueOf(e.getMessage());
            throw new AttachFailure(LeakwatchCli.CANNOT_ATTACH, message.contains("does not support the attach")
                    ? "process " + target.pid() + " does not accept attach requests: it runs with"
                    + " -XX:+DisableAttachMechanism; start it without that option, or with -javaagent"
                    : "cannot attach to process " + target.pid() + ": " + message);
        } catch (IOException e) {
            throw new AttachFailure(LeakwatchCli.CANNOT_ATTACH, "cannot attach to process " + target.pid() + ": "
                    + e.getMessage());
        }
    }

    private static void load(VirtualMachine vm, TargetProcess target, String arguments)
            throws AttachFailure, IOException {
        Path jar = AgentJar.extract();
        try {
            vm.loadAgent(jar.toString(), arguments);
        } catch (AgentLoadException e) {
            throw new AttachFailure(LeakwatchCli.CANNOT_ATTACH, String.valueOf(e.getMessage()).contains(REFUSAL)
                    ? "process " + target.pid() + " refuses agents loaded while it runs: it was started with"
                    + " -XX:-EnableDynamicAgentLoading. Restart it with " + ALLOW_FLAG + ", which allows them (and"
                    + " on Java 21 and later also hides the warning they cause), or with -javaagent and the agent"
                    + " jar of jfr-stream/target, which needs neither"
                    : "process " + target.pid() + " could not load the agent: " + e.getMessage());
        } catch (AgentInitializationException e) {
            throw new AttachFailure(LeakwatchCli.NOT_DONE, "the agent failed in process " + target.pid()
                    + "; its standard error says why");
        } finally {
            AgentJar.delete(jar);
        }
    }

    private int report(Answer answer, PrintWriter out, PrintWriter err) {
        AttachReply reply = answer.reply();
        String analyze = LeakwatchCli.invocation() + " analyze " + reply.outputDirectory();
        switch (reply.outcome()) {
            case STARTED -> {
                out.println("Leakwatch is monitoring process " + pid + " (Java " + answer.javaVersion() + ").");
                out.println("  evidence: " + reply.evidenceFile() + " (written at every snapshot and when the JVM"
                        + " exits), analysis.json beside it");
                out.println("  report:   " + analyze);
                out.println("  stop:     " + LeakwatchCli.invocation() + " attach " + pid + " --stop");
                if (answer.warned()) {
                    out.println("Note: Java 21 and later print a warning on the process's standard error when an"
                            + " agent is loaded into a running JVM. " + ALLOW_FLAG + " at the JVM's start allows"
                            + " it without the warning, and keeps allowing it once a later JDK refuses such agents"
                            + " by default.");
                }
                out.flush();
                return 0;
            }
            case STOPPED -> {
                out.println("Leakwatch stopped monitoring process " + pid + ".");
                out.println("  evidence: " + reply.evidenceFile());
                out.println("  report:   " + analyze);
                out.flush();
                return 0;
            }
            case ALREADY_RUNNING -> err.println("leakwatch: a monitor is already running in process " + pid + " ("
                    + reply.message() + "), writing its evidence to " + reply.evidenceFile() + "; nothing was changed");
            case NOT_RUNNING -> err.println("leakwatch: nothing to stop in process " + pid + ": " + reply.message());
            case FAILED -> err.println("leakwatch: the monitor could not start in process " + pid + ": "
                    + reply.message());
        }
        return LeakwatchCli.NOT_DONE;
    }

    /** The feature release of a {@code java.specification.version} ({@code 17}, {@code 1.8}), or 0 when unknown. */
    static int release(String specificationVersion) {
        String major = specificationVersion.startsWith("1.") ? specificationVersion.substring(2)
                : specificationVersion;
        try {
            return Integer.parseInt(major);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
