package io.leakwatch.reports.cli;

import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.jfr.FileReport;
import io.leakwatch.jfr.RecordingAnalysis;
import io.leakwatch.jfr.RecordingAnalyzer;
import io.leakwatch.jfr.RecordingReadException;
import io.leakwatch.reports.RecordingComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code leakwatch compare}: what grew between two recordings of the same program. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Shows what grew between two recordings: the live set, the leak candidates matched by"
                + " fingerprint, the allocation sites of long-surviving objects, the types counted by heap"
                + " inspections, and metaspace, threads, direct and native memory side by side. Exits 0 when both"
                + " could be read.")
final class CompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BEFORE", description = "The earlier recording (file or directory).")
    private Path before;

    @Parameters(index = "1", paramLabel = "AFTER", description = "The later recording (file or directory).")
    private Path after;

    @Option(names = "--application-packages", paramLabel = "PACKAGES", description = "The application's packages,"
            + " comma-separated (e.g. com.acme.shop): where candidates are shown allocated and which field is their"
            + " suspect reference. Default: what is neither the JDK's nor a well-known library's.")
    private String applicationPackages;

    @Override
    public Integer call() {
        AnalyzerConfig config = AnalyzerConfig.builder()
                .applicationPackages(Arguments.packages("--application-packages", applicationPackages, spec)).build();
        try {
            RecordingAnalysis then = new RecordingAnalyzer(config).analyze(before);
            RecordingAnalysis now = new RecordingAnalyzer(config).analyze(after);
            for (FileReport file : Stream.concat(then.files().stream(), now.files().stream()).toList()) {
                if (file.status() != FileReport.Status.COMPLETE) {
                    spec.commandLine().getErr().println("leakwatch: " + file.message());
                }
            }
            RecordingComparison comparison = RecordingComparison.of(then.analysis(), now.analysis());
            spec.commandLine().getOut().print(comparison.renderText());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (RecordingReadException e) {
            spec.commandLine().getErr().println("leakwatch: " + e.getMessage());
            return LeakwatchCli.UNREADABLE;
        }
    }
}
