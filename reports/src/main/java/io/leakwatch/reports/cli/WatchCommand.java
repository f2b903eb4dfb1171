package io.leakwatch.reports.cli;

import com.sun.tools.attach.VirtualMachine;
import io.leakwatch.jfr.LeakMonitor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;

/**
 * {@code leakwatch watch}: a live view of a monitor's {@code analysis.json}, by its output directory or by the
 * process it runs in. For a process, the directory comes from the system property the monitor sets while it runs
 * ({@link LeakMonitor#OUTPUT_DIRECTORY_PROPERTY}), read through the Attach API without loading anything into the
 * process; where no monitor runs, watch says how to start one and starts none itself (a monitor records events and
 * takes heap inspections: that is for the user to decide, with {@code leakwatch attach}).
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Shows a running monitor's verdict, live set, collections and top candidates, refreshed every"
                + " few seconds, from its output directory or the process it runs in.",
                "With --once, prints one frame and exits with the verdict's code (0 no leak, 1 leak, 3"
                        + " inconclusive); 4 when there is nothing to read, 6 when the process cannot be attached"
                        + " to. On a terminal each frame replaces the last; otherwise a frame is printed each time"
                        + " analysis.json changes."})
final class WatchCommand implements Callable<Integer> {
    private static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";
    private static final Duration LEAST_INTERVAL = Duration.ofMillis(500);

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PID|DIR", description = "The process id of a JVM a monitor runs in (jcmd"
            + " -l lists them), or the monitor's output directory (leakwatch.dir), or its analysis.json.")
    private String target;

    @Option(names = "--once", description = "Print one frame and exit with the verdict's exit code.")
    private boolean once;

    @Option(names = "--interval", defaultValue = "2s", paramLabel = "DURATION",
            description = "Time between frames, e.g. 2s or 10s (default: ${DEFAULT-VALUE}).")
    private String interval;

    /** Where the analysis is, and what to call it. */
    private record Source(Path file, String subject, Long pid) {
    }

    @Override
    public Integer call() {
        Duration pause = Arguments.duration("--interval", interval, spec);
        if (pause.compareTo(LEAST_INTERVAL) < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for --interval: '" + interval
                    + "' (at least 500ms: the monitor rewrites analysis.json every 2 s)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Source source;
        try {
            source = source();
        } catch (AttachFailure e) {
            err.println("leakwatch: " + e.getMessage());
            return e.exitCode();
        } catch (WatchFailure e) {
            err.println("leakwatch: " + e.getMessage());
            return e.exitCode();
        }
        if (once) {
            try {
                WatchedAnalysis analysis = read(source.file());
                out.print(WatchFrame.render(analysis, header(source), false, ZoneId.systemDefault()));
                out.flush();
                return LeakwatchCli.exitCode(analysis.verdict());
            } catch (WatchFailure e) {
                err.println("leakwatch: " + e.getMessage());
                return e.exitCode();
            }
        }
        return watch(source, pause, out);
    }

    /** Frames until interrupted, or until the watched process exits (then the last verdict's code). */
    private int watch(Source source, Duration pause, PrintWriter out) {
        boolean terminal = interactive();
        Instant shownWritten = null;
        String shownMessage = null;
        Integer lastCode = null;
        while (true) {
            String frame;
            Instant written = modified(source.file());
            try {
                WatchedAnalysis analysis = read(source.file());
                lastCode = LeakwatchCli.exitCode(analysis.verdict());
                frame = WatchFrame.render(analysis, header(source), terminal, ZoneId.systemDefault());
            } catch (WatchFailure e) {
                frame = "Leakwatch watch: " + source.subject() + "\n  waiting: " + e.getMessage() + "\n";
            }
            if (terminal) {
                out.print(CLEAR_SCREEN + frame);
            } else if (written == null ? !frame.equals(shownMessage) : !written.equals(shownWritten)) {
                // Not a terminal (a file, a pipe): a frame each time the analysis changes, not every interval.
                out.print(frame + "\n");
                shownWritten = written;
                shownMessage = frame;
            }
            out.flush();
            if (source.pid() != null && ProcessHandle.of(source.pid()).map(p -> !p.isAlive()).orElse(true)) {
                out.println("Process " + source.pid() + " has exited; its monitor's last analysis is in "
                        + source.file());
                out.flush();
                return lastCode == null ? LeakwatchCli.UNREADABLE : lastCode;
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return lastCode == null ? LeakwatchCli.UNREADABLE : lastCode;
            }
        }
    }

    private Source source() throws AttachFailure, WatchFailure {
        Path path = Path.of(target);
        if (Files.isDirectory(path)) {
            return new Source(path.resolve("analysis.json"), path.toString(), null);
        }
        if (Files.isRegularFile(path)) {
            return new Source(path, parent(path).toString(), null);
        }
        if (!target.matches("[0-9]{1,18}")) {
            throw new WatchFailure(LeakwatchCli.UNREADABLE, "no such directory or file: " + target + " (give the"
                    + " monitor's output directory, its analysis.json, or the process id of the JVM it runs in)");
        }
        long pid = Long.parseLong(target);
        Path directory = monitorDirectory(TargetProcess.find(pid));
        return new Source(directory.resolve("analysis.json"), "process " + pid + " (" + directory + ")", pid);
    }

    /** The output directory of the monitor that runs in the process, as the monitor itself published it. */
    private static Path monitorDirectory(TargetProcess target) throws AttachFailure, WatchFailure {
        VirtualMachine vm = AttachCommand.attach(target);
        String directory;
        try {
            directory = vm.getSystemProperties().getProperty(LeakMonitor.OUTPUT_DIRECTORY_PROPERTY);
        } catch (IOException e) {
            throw new AttachFailure(LeakwatchCli.CANNOT_ATTACH, "lost the connection to process " + target.pid()
                    + ": " + e.getMessage());
        } finally {
            try {
                vm.detach();
            } catch (IOException e) {
                // the process went away; what it had to say was read before
            }
        }
        if (directory == null) {
            throw new WatchFailure(LeakwatchCli.UNREADABLE, "no Leakwatch monitor runs in process " + target.pid()
                    + "; start one with: " + LeakwatchCli.invocation() + " attach " + target.pid() + " (watch starts"
                    + " none itself: a monitor records events and inspects the heap), or watch the output directory"
                    + " of a monitor that ran there");
        }
        return Path.of(directory);
    }

    private static WatchedAnalysis read(Path file) throws WatchFailure {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new WatchFailure(LeakwatchCli.UNREADABLE, "no " + file.getFileName() + " in " + parent(file)
                    + " yet: the monitor writes it about a second after it starts; is this its output directory"
                    + " (leakwatch.dir)?");
        } catch (AccessDeniedException e) {
            throw new WatchFailure(LeakwatchCli.UNREADABLE, "cannot read " + file + ": permission denied (the"
                    + " monitor writes it readable by its own user only; run watch as that user)");
        } catch (MalformedInputException e) {
            throw new WatchFailure(LeakwatchCli.UNREADABLE, file + " is not UTF-8 text: not an analysis.json");
        } catch (IOException e) {
            throw new WatchFailure(LeakwatchCli.UNREADABLE, "cannot read " + file + ": " + e.getMessage());
        }
        try {
            return WatchedAnalysis.of(JsonReader.read(text), file.toString());
        } catch (JsonReader.MalformedJsonException e) {
            throw new WatchFailure(LeakwatchCli.UNREADABLE, file + " is not valid JSON (" + e.getMessage() + ")");
        }
    }

    private static Path parent(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file : parent;
    }

    private static WatchFrame.Header header(Source source) {
        return new WatchFrame.Header(source.subject(), source.file().getFileName().toString(),
                modified(source.file()), Instant.now());
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Whether standard output is a terminal. Before Java 22 {@code System.console()} is null otherwise; from 22 it
     * may be a console on a pipe too, and {@code Console.isTerminal()} (22) tells.
     */
    private static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
