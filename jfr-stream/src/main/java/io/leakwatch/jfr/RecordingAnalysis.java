package io.leakwatch.jfr;

import io.leakwatch.core.Analysis;

import java.util.List;

/**
 * The result of analysing recordings offline: the analysis, and what became of each file.
 *
 * @param analysis the analysis of every event that could be read
 * @param files    one report per file, in the order they were read
 */
public record RecordingAnalysis(Analysis analysis, List<FileReport> files) {

    public RecordingAnalysis {
        files = List.copyOf(files);
    }

    /** Whether any file was read only in part or not at all. */
    public boolean incomplete() {
        return files.stream().anyMatch(file -> file.status() != FileReport.Status.COMPLETE);
    }
}
