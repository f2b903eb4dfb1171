package io.leakwatch.reports;

import io.leakwatch.core.AccumulationPoint;
import io.leakwatch.core.Analysis;
import io.leakwatch.core.Bytes;
import io.leakwatch.core.Durations;
import io.leakwatch.core.Evidence;
import io.leakwatch.core.GcWindowStatistics;
import io.leakwatch.core.KindStatistics;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.LeakKind;
import io.leakwatch.core.LiveSetPoint;
import io.leakwatch.core.LocalTimes;
import io.leakwatch.core.Odds;
import io.leakwatch.core.SiteSummary;
import io.leakwatch.core.StackFrame;
import io.leakwatch.core.Trend;
import io.leakwatch.jfr.FileReport;

import java.util.List;
import java.util.Locale;

/**
 * Renders an analysis for a terminal: the verdict and its reason first, then each candidate with its fingerprint,
 * where it was allocated (the application frame and the call it came through), what it accumulates in, its suspect
 * reference and its leak trace (root first, the suspect reference, container and accumulation point marked), then
 * the live set, the kinds outside the heap and GC statistics.
 *
 * <pre>{@code
 * System.out.print(TextReport.render(result.analysis(), result.files()));
 * }</pre>
 */
public final class TextReport {
    /**
     * Allocation frames shown per candidate, or more to reach the application frame and its caller; deeper frames
     * rarely help and make the report long.
     */
    static final int MAX_FRAMES = 12;
    /** Allocation sites listed when there is no candidate. */
    static final int MAX_SUSPECTS = 5;

    private TextReport() {
    }

    /** The report of an analysis with no file list (a live snapshot). */
    public static String render(Analysis analysis) {
        return render(analysis, List.of());
    }

    /** The report of an offline analysis, ending with what became of each file that was not read whole. */
    public static String render(Analysis analysis, List<FileReport> files) {
        StringBuilder out = new StringBuilder();
        out.append("Leakwatch verdict: ").append(analysis.verdict()).append('\n');
        out.append("  ").append(analysis.reason()).append('\n');
        if (!analysis.nextStep().isEmpty()) {
            out.append("  Next step: ").append(analysis.nextStep()).append('\n');
        }
        for (String gap : analysis.coverage().gaps()) {
            out.append("  Not seen: ").append(gap).append('\n');
        }
        if (analysis.from() != null) {
            out.append("  Observed: ").append(LocalTimes.span(analysis.from(), analysis.to())).append('\n');
        }
        List<LeakCandidate> candidates = analysis.candidates();
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).kind() == LeakKind.HEAP) {
                candidate(out, i + 1, candidates.size(), candidates.get(i));
            } else {
                KindText.candidate(out, i + 1, candidates.size(), candidates.get(i));
            }
        }
        if (candidates.isEmpty()) {
            suspects(out, analysis.sites());
        }
        liveSet(out, analysis);
        KindText.section(out, analysis.kinds());
        gc(out, analysis.gc());
        for (FileReport file : files) {
            if (file.status() != FileReport.Status.COMPLETE) {
                out.append('\n').append(file.status() == FileReport.Status.PARTIAL ? "Partly read: " : "Not read: ")
                        .append(file.message()).append('\n');
            }
        }
        return out.toString();
    }

    /** One candidate as the report shows it: fingerprint, growth, allocation site, container and leak trace. */
    public static String renderCandidate(LeakCandidate candidate) {
        StringBuilder out = new StringBuilder();
        candidate(out, 1, 1, candidate);
        return out.toString();
    }

    private static void candidate(StringBuilder out, int rank, int total, LeakCandidate candidate) {
        out.append('\n').append(String.format(Locale.ROOT, "Candidate %d of %d: %s (confidence %.2f)%n", rank, total,
                candidate.objectType(), candidate.confidence()));
        out.append("  fingerprint: ").append(candidate.fingerprint()).append('\n');
        if (!Double.isNaN(candidate.growthBytesPerMinute())) {
            out.append(String.format(Locale.ROOT, "  grows %s/min (%+.0f instances/min)%s%n",
                    Bytes.format(candidate.growthBytesPerMinute()), candidate.growthInstancesPerMinute(),
                    Double.isNaN(candidate.shareOfLiveSetGrowth()) ? "" : String.format(Locale.ROOT,
                            ", %.0f%% of the live-set growth", 100 * candidate.shareOfLiveSetGrowth())));
        }
        if (!candidate.growingTypes().isEmpty()) {
            out.append("  growing types: ").append(String.join(", ", candidate.growingTypes())).append('\n');
        }
        allocation(out, candidate);
        AccumulationPoint point = candidate.accumulationPoint();
        if (point != null) {
            out.append("  accumulates in: ").append(point.describe()).append('\n');
            out.append("  suspect reference: ").append(point.suspect() == null
                    ? "none: no field of the application holds the container" : point.suspect().describe())
                    .append('\n');
        }
        List<LeakTrace.Line> trace = LeakTrace.of(candidate);
        if (!trace.isEmpty()) {
            out.append("  leak trace, root first:\n");
            if (!candidate.rootDescription().isEmpty()) {
                out.append("    root: ").append(candidate.rootDescription()).append('\n');
            }
            int width = trace.stream().mapToInt(line -> line.text().length()).max().orElse(0);
            for (LeakTrace.Line line : trace) {
                out.append("    ").append(line.text());
                if (!line.marks().isEmpty()) {
                    out.append(" ".repeat(width - line.text().length())).append("   <== ").append(line.note());
                }
                out.append('\n');
            }
        }
        if (!candidate.exampleValue().isEmpty()) {
            out.append("  example value: ").append(candidate.exampleValue()).append('\n');
        }
        if (candidate.liveSamples() > 0) {
            out.append(String.format(Locale.ROOT, "  %d sampled objects alive, the oldest %s old%n",
                    candidate.liveSamples(), Durations.format(candidate.oldestAge())));
        }
        out.append("  evidence:\n");
        for (Evidence evidence : candidate.evidence()) {
            out.append("    - ").append(evidence.signal().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append(": ").append(evidence.summary()).append('\n');
        }
    }

    /**
     * Where it was allocated as a developer reads it: the first application frame and the library call it came
     * through, then the whole stack with that frame marked.
     */
    private static void allocation(StringBuilder out, LeakCandidate candidate) {
        List<StackFrame> frames = candidate.allocationSite();
        if (frames.isEmpty()) {
            out.append("  allocated at: unknown (no old-object sample of it)\n");
            return;
        }
        StackFrame application = candidate.firstApplicationFrame();
        if (application == null) {
            out.append("  allocated at: ").append(frames.get(0)).append(" (no application frame in the ")
                    .append(frames.size()).append(" frames recorded)\n");
        } else {
            out.append("  allocated at: ").append(application);
            if (candidate.viaFrame() != null) {
                out.append(", via ").append(candidate.viaFrame());
            }
            out.append('\n');
        }
        out.append("  allocation stack:\n");
        int shown = Math.min(frames.size(), Math.max(MAX_FRAMES, candidate.applicationFrame() + 2));
        for (int i = 0; i < shown; i++) {
            out.append("    ").append(frames.get(i));
            if (i == candidate.applicationFrame()) {
                out.append("   <== application frame");
            }
            out.append('\n');
        }
        if (frames.size() > shown) {
            out.append("    ... ").append(frames.size() - shown).append(" more\n");
        }
    }

    /** With no candidate, the sites holding the most long-lived samples are where to look first, if anywhere. */
    private static void suspects(StringBuilder out, List<SiteSummary> sites) {
        if (sites.isEmpty()) {
            return;
        }
        out.append("\nLong-lived sampled objects by allocation site (where to look, not evidence of a leak):\n");
        for (SiteSummary site : sites.subList(0, Math.min(MAX_SUSPECTS, sites.size()))) {
            StackFrame frame = site.frameToShow();
            out.append(String.format(Locale.ROOT, "  %3d x %s at %s%s%n", site.liveSamples(), site.objectType(),
                    frame == null ? "unknown" : frame, site.accumulationPoint() == null ? ""
                            : ", in " + site.accumulationPoint().describe()));
        }
    }

    private static void liveSet(StringBuilder out, Analysis analysis) {
        out.append("\nLive set: ");
        List<LiveSetPoint> points = analysis.liveSet().points();
        Trend trend = analysis.liveSet().trend();
        if (points.isEmpty()) {
            out.append("no measurement (no collection freed the old generation, no heap inspection)\n");
        } else {
            out.append(String.format(Locale.ROOT, "%d measurements, %s to %s%n", points.size(),
                    Bytes.format(points.stream().mapToLong(LiveSetPoint::bytes).min().orElse(0)),
                    Bytes.format(points.stream().mapToLong(LiveSetPoint::bytes).max().orElse(0))));
        }
        if (trend != null) {
            out.append(String.format(Locale.ROOT, "  trend %s/min over %s (noise %s, evidence for growth %s)%s%n",
                    Bytes.format(trend.slopeBytesPerMinute()), Durations.format(trend.span()),
                    Bytes.format(trend.noiseBytes()), Odds.format(trend.logBayesFactor()),
                    trend.timeToExhaustion() == null ? ""
                            : "; heap exhausted in about " + Durations.format(trend.timeToExhaustion())));
        }
        if (analysis.liveSet().maxHeapBytes() > 0) {
            out.append("  maximum heap ").append(Bytes.format(analysis.liveSet().maxHeapBytes())).append('\n');
        }
    }

    private static void gc(StringBuilder out, List<GcWindowStatistics> windows) {
        if (windows.isEmpty()) {
            return;
        }
        out.append("\nGarbage collection:\n");
        for (GcWindowStatistics window : windows) {
            out.append(String.format(Locale.ROOT, "  %-4s over %s: GC time %.2f%%, allocation %s/s, promotion %s/s%n",
                    window.name(), Durations.format(window.span()), 100 * window.gcTimeShare(),
                    Bytes.format(window.allocationBytesPerSecond()), Bytes.format(window.promotionBytesPerSecond())));
            for (KindStatistics kind : window.kinds()) {
                out.append(String.format(Locale.ROOT, "       %-16s %5d (%.1f/min)  pause p50 %s p90 %s p99 %s max %s,"
                                + " reclaimed %s%n", kind.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        kind.count(), kind.perMinute(), Durations.format(kind.pauses().p50()),
                        Durations.format(kind.pauses().p90()), Durations.format(kind.pauses().p99()),
                        Durations.format(kind.pauses().max()), Bytes.format(kind.reclaimedBytes())));
            }
        }
    }
}
