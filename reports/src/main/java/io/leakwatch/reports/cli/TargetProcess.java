package io.leakwatch.reports.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The process {@code leakwatch attach} is asked to attach to, checked before the Attach API is tried: its messages
 * for a missing process, another user's process or a process that is not a JVM are "No such process", "Operation
 * not permitted" and a ten-second wait for a socket, which say nothing a user can act on.
 *
 * @param pid     the process id
 * @param command the process's executable, or empty when the system does not say
 */
record TargetProcess(long pid, String command) {

    /**
     * The process, once it is known to be one this user can attach to.
     *
     * @throws AttachFailure naming what stands in the way and what to do
     */
    static TargetProcess find(long pid) throws AttachFailure {
        if (pid == ProcessHandle.current().pid()) {
            throw cannot("process " + pid + " is this leakwatch command itself");
        }
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> cannot("no process with id " + pid
                + " is running (jcmd -l lists the Java processes you can attach to)"));
        ProcessHandle.Info info = process.info();
        String command = info.command().orElse("");
        String self = System.getProperty("user.name");
        String owner = info.user().orElse(null);
        // The JVM takes attach requests only from its own user, or root (HotSpot checks the peer's credentials).
        if (owner != null && !owner.equals(self) && !"root".equals(self)) {
            throw cannot("process " + pid + " belongs to user '" + owner + "', and a JVM accepts attach requests"
                    + " only from the user it runs as (or root); run leakwatch attach as '" + owner + "', for"
                    + " example: sudo -u " + owner + " " + LeakwatchCli.invocation() + " attach " + pid);
        }
        if (!loadsJvm(pid)) {
            throw cannot("process " + pid + (command.isEmpty() ? "" : " (" + command + ")")
                    + " is not a Java virtual machine");
        }
        return new TargetProcess(pid, command);
    }

    /**
     * Whether the process has the JVM's library mapped; true where the system does not say (no {@code /proc}, or a
     * map this user may not read), so that the Attach API has its say.
     */
    private static boolean loadsJvm(long pid) {
        Path maps = Path.of("/proc", Long.toString(pid), "maps");
        if (!Files.isReadable(maps)) {
            return true;
        }
        try (Stream<String> lines = Files.lines(maps)) {
            return lines.anyMatch(line -> line.contains("/libjvm."));
        } catch (IOException | UncheckedIOException e) {
            return true;
        }
    }

    private static AttachFailure cannot(String message) {
        return new AttachFailure(LeakwatchCli.CANNOT_ATTACH, message);
    }
}
