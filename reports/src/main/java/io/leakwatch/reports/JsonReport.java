package io.leakwatch.reports;

import io.leakwatch.core.Analysis;
import io.leakwatch.core.json.AnalysisJson;
import io.leakwatch.jfr.FileReport;

import java.util.List;

/**
 * Renders an analysis as JSON, in the schema documented in {@code docs/json-report.md} (the same form as the
 * monitor's {@code analysis.json}), with an {@code inputs} section for an offline analysis.
 */
public final class JsonReport {
    private JsonReport() {
    }

    /** The JSON of an analysis with no file list. */
    public static String render(Analysis analysis) {
        return AnalysisJson.write(analysis);
    }

    /** The JSON of an offline analysis, naming each file and what became of it. */
    public static String render(Analysis analysis, List<FileReport> files) {
        return AnalysisJson.write(analysis, files.stream().map(file -> new AnalysisJson.Input(file.file().toString(),
                file.status().name(), file.events(), file.message())).toList());
    }
}
