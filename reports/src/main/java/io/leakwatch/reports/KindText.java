package io.leakwatch.reports;

import io.leakwatch.core.Durations;
import io.leakwatch.core.Evidence;
import io.leakwatch.core.KindReport;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.LeakKind;
import io.leakwatch.core.Odds;
import io.leakwatch.core.ReferenceStep;
import io.leakwatch.core.SeriesPoint;
import io.leakwatch.core.SeriesTrend;
import io.leakwatch.core.StackFrame;
import io.leakwatch.core.Verdict;

import java.util.List;
import java.util.Locale;

/**
 * The text report's parts for the kinds outside the heap: their candidates (what defines the classes, starts the
 * threads or allocates the buffers) and a section with each kind's verdict, reason and series.
 */
final class KindText {
    private KindText() {
    }

    static void candidate(StringBuilder out, int rank, int total, LeakCandidate candidate) {
        LeakKind kind = candidate.kind();
        out.append('\n').append(String.format(Locale.ROOT, "Candidate %d of %d: %s, %s%s (confidence %.2f)%n", rank,
                total, kind.displayName(), candidate.objectType(), candidate.namePattern().isEmpty() ? ""
                        : " named " + candidate.namePattern(), candidate.confidence()));
        String rate = rate(candidate);
        if (!rate.isEmpty()) {
            out.append("  grows ").append(rate).append('\n');
        }
        if (!candidate.growingTypes().isEmpty()) {
            out.append(kind == LeakKind.CLASS_METADATA ? "  defined again and again: " : "  growing in step: ")
                    .append(String.join(", ", candidate.growingTypes())).append('\n');
        }
        if (!candidate.allocationSite().isEmpty()) {
            out.append("  ").append(codeLabel(kind)).append(":\n");
            List<StackFrame> frames = candidate.allocationSite();
            for (int i = 0; i < Math.min(TextReport.MAX_FRAMES, frames.size()); i++) {
                out.append("    ").append(frames.get(i)).append('\n');
            }
            if (frames.size() > TextReport.MAX_FRAMES) {
                out.append("    ... ").append(frames.size() - TextReport.MAX_FRAMES).append(" more\n");
            }
        }
        if (!candidate.referenceChain().isEmpty()) {
            out.append("  held by, nearest first:\n");
            for (String line : ReferenceStep.describe(candidate.referenceChain())) {
                out.append("    ").append(line).append('\n');
            }
        }
        out.append("  evidence:\n");
        for (Evidence evidence : candidate.evidence()) {
            out.append("    - ").append(evidence.signal().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append(": ").append(evidence.summary()).append('\n');
        }
    }

    /**
     * Each kind's verdict and reason with its series in numbers; native memory categories that do not grow are
     * counted, not listed.
     */
    static void section(StringBuilder out, List<KindReport> kinds) {
        if (kinds.isEmpty()) {
            return;
        }
        out.append("\nOutside the heap:\n");
        int quietCategories = 0;
        for (KindReport kind : kinds) {
            if (quietNativeCategory(kind)) {
                quietCategories++;
                continue;
            }
            if (!kind.recorded()) {
                out.append("  ").append(kind.displayName()).append(": not recorded (").append(kind.note())
                        .append(")\n");
                continue;
            }
            out.append("  ").append(kind.displayName()).append(": ").append(kind.verdict()).append('\n');
            if (!kind.reason().isEmpty()) {
                out.append("    ").append(kind.reason()).append('\n');
            }
            out.append("    ").append(series(kind)).append('\n');
            if (!kind.note().isEmpty()) {
                out.append("    (").append(kind.note()).append(")\n");
            }
        }
        if (quietCategories > 0) {
            out.append(String.format(Locale.ROOT, "  native memory: %d more categories, none growing%n",
                    quietCategories));
        }
    }

    /** A native memory category that settled as not growing: one line for all of them is enough. */
    static boolean quietNativeCategory(KindReport kind) {
        return kind.kind() == LeakKind.NATIVE_MEMORY && kind.recorded() && kind.verdict() == Verdict.NO_LEAK
                && !kind.growthSuspected();
    }

    /** The series in numbers: its measurements' range, the trend, the maximum. */
    static String series(KindReport kind) {
        LeakKind what = kind.kind();
        List<SeriesPoint> points = kind.points();
        StringBuilder text = new StringBuilder();
        if (points.isEmpty()) {
            text.append("no measurement yet");
        } else {
            text.append(String.format(Locale.ROOT, "%d %s, %s to %s", points.size(),
                    what == LeakKind.CLASS_METADATA ? "measurements after class unloading"
                            : what == LeakKind.DIRECT_MEMORY ? "measurements after collections freeing buffers"
                            : "samples",
                    what.format(points.stream().mapToLong(SeriesPoint::value).min().orElse(0)),
                    what.format(points.stream().mapToLong(SeriesPoint::value).max().orElse(0))));
        }
        SeriesTrend trend = kind.trend();
        if (trend != null) {
            text.append(String.format(Locale.ROOT, "; trend %s/min over %s (evidence for growth %s)",
                    what.format(trend.slopePerMinute()), Durations.format(trend.span()),
                    Odds.format(trend.logBayesFactor())));
        }
        if (kind.maxValue() > 0) {
            text.append("; at most ").append(what.format(kind.maxValue()));
        }
        if (kind.projectedExhaustion() != null) {
            text.append("; exhausted in about ").append(Durations.format(kind.projectedExhaustion()));
        }
        return text.toString();
    }

    static String rate(LeakCandidate candidate) {
        LeakKind kind = candidate.kind();
        String owners = switch (kind) {
            case CLASS_METADATA -> "loaders";
            case DIRECT_MEMORY -> "buffers";
            default -> "";
        };
        if (kind == LeakKind.THREADS) {
            return Double.isNaN(candidate.growthInstancesPerMinute()) ? ""
                    : kind.format(candidate.growthInstancesPerMinute()) + "/min";
        }
        if (Double.isNaN(candidate.growthBytesPerMinute())) {
            return "";
        }
        return kind.format(candidate.growthBytesPerMinute()) + "/min" + (owners.isEmpty()
                || Double.isNaN(candidate.growthInstancesPerMinute()) ? "" : String.format(Locale.ROOT,
                " (%+.0f %s/min)", candidate.growthInstancesPerMinute(), owners));
    }

    static String codeLabel(LeakKind kind) {
        return switch (kind) {
            case CLASS_METADATA -> "classes defined from";
            case THREADS -> "started from";
            default -> "allocated at";
        };
    }
}
