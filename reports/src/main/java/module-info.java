/**
 * Reports of a leak analysis ({@link io.leakwatch.reports.TextReport}, {@link io.leakwatch.reports.JsonReport},
 * {@link io.leakwatch.reports.HtmlReport}), the comparison of two recordings
 * ({@link io.leakwatch.reports.RecordingComparison}), and the {@code leakwatch} command-line tool.
 */
module io.leakwatch.reports {
    requires transitive io.leakwatch.jfr;
    requires info.picocli;
    requires jdk.attach;

    exports io.leakwatch.reports;
    opens io.leakwatch.reports.cli to info.picocli;
}
