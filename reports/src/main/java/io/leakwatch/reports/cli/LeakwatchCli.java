package io.leakwatch.reports.cli;

import io.leakwatch.core.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code leakwatch} command: {@code analyze} recordings, {@code compare} two of them, {@code attach} the monitor
 * to a running JVM, {@code watch} a running monitor.
 *
 * <p>Exit codes: 0 no leak, 1 leak found, 3 inconclusive, 2 usage error, 4 unreadable input (nothing could be
 * read), 5 an output file could not be written; for {@code attach}: 0 done, 6 the process cannot be attached to, 7
 * the monitor could not be started or stopped in it; {@code watch --once} exits with its verdict's code, 4 when there
 * is nothing to read, 6 when the process cannot be attached to.
 */
@Command(name = "leakwatch", mixinStandardHelpOptions = true, versionProvider = LeakwatchCli.Version.class,
        description = "Finds memory leaks in JDK Flight Recorder recordings.",
        subcommands = {AnalyzeCommand.class, CompareCommand.class, AttachCommand.class, WatchCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no leak", "1:leak found", "3:inconclusive", "2:usage error",
                "4:unreadable input (nothing could be read)", "5:the output could not be written",
                "6:attach, watch: the process cannot be attached to",
                "7:attach: the monitor was not started or stopped"})
public final class LeakwatchCli implements Runnable {
    static final int NO_LEAK = 0;
    static final int LEAK = 1;
    static final int USAGE = 2;
    static final int INCONCLUSIVE = 3;
    static final int UNREADABLE = 4;
    static final int OUTPUT_FAILED = 5;
    static final int CANNOT_ATTACH = 6;
    static final int NOT_DONE = 7;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given output streams and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new LeakwatchCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            // Any failure that escapes a command is reported in one line; a stack trace helps no user.
            line.getErr().println("leakwatch: " + exception.getMessage());
            return UNREADABLE;
        });
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands only Exceptions to the handler above; an Error would leave main with a stack trace
            // and the JVM's exit code 1, which here means "leak found".
            err.println("leakwatch: out of memory (" + e.getMessage() + "); give the tool more heap, e.g. java"
                    + " -Xmx4g -jar leakwatch.jar ...");
            return UNREADABLE;
        } catch (Error e) {
            err.println("leakwatch: internal error: " + e);
            return UNREADABLE;
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: analyze, compare, attach or watch");
    }

    /** How a user runs this command again: {@code java -jar /path/to/leakwatch.jar}, or {@code leakwatch}. */
    static String invocation() {
        try {
            Path location = Path.of(LeakwatchCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return "java -jar " + location;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code source to name (a custom class loader); the command's name will do
        }
        return "leakwatch";
    }

    static int exitCode(Verdict verdict) {
        return switch (verdict) {
            case LEAK -> LEAK;
            case NO_LEAK -> NO_LEAK;
            case INCONCLUSIVE -> INCONCLUSIVE;
        };
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = LeakwatchCli.class.getPackage().getImplementationVersion();
            return new String[]{"leakwatch " + (version == null ? "development build" : version)
                    + " (Java " + Runtime.version() + ")"};
        }
    }
}
