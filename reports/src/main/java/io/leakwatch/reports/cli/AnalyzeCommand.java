package io.leakwatch.reports.cli;

import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.jfr.FileReport;
import io.leakwatch.jfr.RecordingAnalysis;
import io.leakwatch.jfr.RecordingAnalyzer;
import io.leakwatch.jfr.RecordingReadException;
import io.leakwatch.reports.HtmlReport;
import io.leakwatch.reports.JsonReport;
import io.leakwatch.reports.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code leakwatch analyze}: the verdict, candidates and statistics of one run's recordings. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyses .jfr files, or directories of them (a JFR repository, the monitor's output"
                + " directory), as one run.")
final class AnalyzeCommand implements Callable<Integer> {
    enum Format { text, json, html }

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Recordings or directories of recordings.")
    private List<Path> inputs;

    @Option(names = "--format", defaultValue = "text", description = "text, json or html (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report here instead of to"
            + " standard output.")
    private Path output;

    @Option(names = "--include-values", description = "Show an example of each candidate's objects as the JVM"
            + " describes them (string contents, collection sizes). Off by default: it can reveal application data.")
    private boolean includeValues;

    @Option(names = "--warm-up", defaultValue = "30s", paramLabel = "DURATION",
            description = "Start-up span left out of trends, e.g. 30s or 2m (default: ${DEFAULT-VALUE}).")
    private String warmUp;

    @Option(names = "--min-observation", defaultValue = "30s", paramLabel = "DURATION",
            description = "Shortest span of live-set measurements a verdict rests on (default: ${DEFAULT-VALUE}).")
    private String minObservation;

    @Option(names = "--application-packages", paramLabel = "PACKAGES", description = "The application's packages,"
            + " comma-separated (e.g. com.acme.shop): where candidates are shown allocated and which field is their"
            + " suspect reference. Default: what is neither the JDK's nor a well-known library's.")
    private String applicationPackages;

    @Override
    public Integer call() {
        AnalyzerConfig config = AnalyzerConfig.builder().warmUp(Arguments.duration("--warm-up", warmUp, spec))
                .minObservation(Arguments.duration("--min-observation", minObservation, spec))
                .applicationPackages(Arguments.packages("--application-packages", applicationPackages, spec))
                .build();
        RecordingAnalysis result;
        ProgressLine progress = new ProgressLine(spec.commandLine().getErr(), System.console() != null);
        try {
            result = new RecordingAnalyzer(config, progress, includeValues).analyze(inputs.toArray(Path[]::new));
        } catch (RecordingReadException e) {
            progress.clear();
            spec.commandLine().getErr().println("leakwatch: " + e.getMessage());
            return LeakwatchCli.UNREADABLE;
        }
        progress.clear();
        for (FileReport file : result.files()) {
            if (file.status() != FileReport.Status.COMPLETE) {
                spec.commandLine().getErr().println("leakwatch: " + file.message());
            }
        }
        String report = switch (format) {
            case text -> TextReport.render(result.analysis(), result.files());
            case json -> JsonReport.render(result.analysis(), result.files());
            case html -> HtmlReport.render(result.analysis(), result.files(), "Leakwatch: " + title());
        };
        if (output == null) {
            spec.commandLine().getOut().print(report);
            spec.commandLine().getOut().flush();
        } else {
            try {
                Files.writeString(output, report, StandardCharsets.UTF_8);
            } catch (IOException e) {
                spec.commandLine().getErr().println("leakwatch: cannot write " + output + ": " + e.getMessage());
                return LeakwatchCli.OUTPUT_FAILED;
            }
        }
        return LeakwatchCli.exitCode(result.analysis().verdict());
    }

    private String title() {
        return inputs.size() == 1 ? inputs.get(0).getFileName().toString() : inputs.size() + " inputs";
    }
}
