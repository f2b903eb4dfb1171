package io.leakwatch.reports.cli;

import io.leakwatch.core.Bytes;
import io.leakwatch.core.Durations;
import io.leakwatch.core.LocalTimes;
import io.leakwatch.core.Odds;
import io.leakwatch.core.Verdict;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One frame of {@code leakwatch watch}: the verdict and reason, the live set as a sparkline with its trend and time
 * to exhaustion, young and old collections per minute with their pause percentiles, and the top candidates with
 * their site and accumulation point. Plain text; with {@code ansi}, the verdict is coloured for a terminal.
 */
final class WatchFrame {
    /** Candidates listed: the rest are in analysis.json and {@code leakwatch analyze}. */
    static final int TOP_CANDIDATES = 3;
    /** Characters of a sparkline: a point each, or the lowest of a group of points on a long run. */
    static final int SPARKLINE_WIDTH = 48;
    /** The monitor rewrites analysis.json every 10 s while statistics change; much older means it stopped. */
    static final Duration STALE = Duration.ofSeconds(30);
    private static final char[] BLOCKS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};
    private static final String RESET = "\u001b[0m";

    /**
     * What is watched, for the frame's first line.
     *
     * @param subject  {@code process 12345} or the directory
     * @param file     the analysis.json read
     * @param written  when it was last written, or null when unknown
     * @param now      the time the frame is drawn
     */
    record Header(String subject, String file, Instant written, Instant now) {
    }

    private WatchFrame() {
    }

    static String render(WatchedAnalysis analysis, Header header, boolean ansi, ZoneId zone) {
        List<String> lines = new ArrayList<>();
        lines.add(header(header, zone));
        String verdict = analysis.verdict().name();
        lines.add((ansi ? colour(analysis.verdict()) + verdict + RESET : verdict) + "  " + analysis.reason());
        if (!analysis.nextStep().isEmpty()) {
            lines.add("  Next step: " + analysis.nextStep());
        }
        if (analysis.from() != null && analysis.to() != null) {
            lines.add("  Observed: " + LocalTimes.span(analysis.from(), analysis.to(), zone));
        }
        lines.add("");
        liveSet(lines, analysis);
        lines.add("");
        gc(lines, analysis);
        lines.add("");
        candidates(lines, analysis.candidates());
        return String.join("\n", lines) + "\n";
    }

    private static String header(Header header, ZoneId zone) {
        StringBuilder line = new StringBuilder("Leakwatch watch: ").append(header.subject()).append(" \u00b7 ")
                .append(header.file());
        if (header.written() != null) {
            Duration age = Duration.between(header.written(), header.now());
            line.append(" \u00b7 written ").append(LocalTimes.format(header.written(), zone));
            if (!age.isNegative()) {
                line.append(age.compareTo(Duration.ofSeconds(1)) < 0 ? " (just now)"
                        : " (" + Durations.format(age) + " ago)");
            }
            if (age.compareTo(STALE) > 0) {
                line.append("\n  Not updated for ").append(Durations.format(age)).append(": the monitor rewrites it"
                        + " every few seconds while it runs; it may have stopped (or the JVM with it)");
            }
        }
        return line.toString();
    }

    private static void liveSet(List<String> lines, WatchedAnalysis analysis) {
        List<Long> points = analysis.liveSetBytes();
        if (points.isEmpty()) {
            lines.add("Live set       no measurement yet (it needs a collection that frees the old generation, or a"
                    + " heap inspection)");
        } else {
            lines.add("Live set       " + sparkline(points) + "  " + range(points) + ", " + points.size()
                    + (points.size() == 1 ? " measurement" : " measurements"));
        }
        if (!analysis.afterGcBytes().isEmpty()) {
            lines.add("Heap after GC  " + sparkline(analysis.afterGcBytes()) + "  " + range(analysis.afterGcBytes()));
        }
        WatchedAnalysis.Trend trend = analysis.trend();
        StringBuilder line = new StringBuilder("  ");
        if (trend == null || Double.isNaN(trend.slopeBytesPerMinute())) {
            line.append("trend: not yet (too few measurements after the warm-up)");
        } else {
            line.append("trend ").append(Bytes.format(trend.slopeBytesPerMinute())).append("/min");
            if (trend.span() != null) {
                line.append(" over ").append(Durations.format(trend.span()));
            }
            if (trend.points() > 0) {
                line.append(" (").append(trend.points()).append(" measurements)");
            }
            if (!Double.isNaN(trend.logBayesFactor())) {
                line.append(", evidence for growth ").append(Odds.format(trend.logBayesFactor()));
            }
        }
        Duration exhaustion = analysis.projectedExhaustion() != null ? analysis.projectedExhaustion()
                : trend == null ? null : trend.timeToExhaustion();
        line.append(exhaustion == null ? "; heap not projected to run out"
                : exhaustion.compareTo(Duration.ofSeconds(1)) < 0 ? "; heap exhausted now"
                : "; heap exhausted in about " + Durations.format(exhaustion));
        if (analysis.maxHeapBytes() > 0) {
            line.append(" (max heap ").append(Bytes.format(analysis.maxHeapBytes())).append(')');
        }
        lines.add(line.toString());
    }

    private static void gc(List<String> lines, WatchedAnalysis analysis) {
        WatchedAnalysis.GcWindow window = analysis.window("1m");
        String title = "GC, last minute";
        if (window == null || window.kinds().isEmpty()) {
            window = analysis.window("run");
            title = "GC, whole run";
        }
        if (window == null || window.kinds().isEmpty()) {
            lines.add("GC             no collection yet");
            return;
        }
        if (window.span() != null) {
            title += " (" + Durations.format(window.span()) + ")";
        }
        lines.add(String.format(Locale.ROOT, "%-30s %8s %9s %9s %9s %9s", title, "per min", "pause p50", "p90", "p99",
                "max"));
        for (WatchedAnalysis.GcKindRow kind : window.kinds()) {
            lines.add(String.format(Locale.ROOT, "  %-28s %8s %9s %9s %9s %9s",
                    kind.kind().toLowerCase(Locale.ROOT).replace('_', ' ') + " (" + kind.count() + ")",
                    Double.isNaN(kind.perMinute()) ? "?" : String.format(Locale.ROOT, "%.1f", kind.perMinute()),
                    duration(kind.p50()), duration(kind.p90()), duration(kind.p99()), duration(kind.max())));
        }
    }

    private static void candidates(List<String> lines, List<WatchedAnalysis.Candidate> candidates) {
        if (candidates.isEmpty()) {
            lines.add("Candidates     none");
            return;
        }
        lines.add("Candidates (" + candidates.size() + ")");
        for (int i = 0; i < Math.min(TOP_CANDIDATES, candidates.size()); i++) {
            WatchedAnalysis.Candidate candidate = candidates.get(i);
            lines.add(String.format(Locale.ROOT, "  %d. %s  %s%s  [%s]", i + 1, candidate.type(),
                    candidate.status(), Double.isNaN(candidate.growthBytesPerMinute()) ? ""
                            : ", grows " + Bytes.format(candidate.growthBytesPerMinute()) + "/min",
                    candidate.fingerprint()));
            lines.add("     allocated at:   " + (candidate.allocatedAt() == null ? "unknown (no sample of it yet)"
                    : candidate.allocatedAt()));
            lines.add("     accumulates in: " + (candidate.accumulatesIn().isEmpty() ? "unknown (no reference chain"
                    + " yet)" : candidate.accumulatesIn()));
        }
        if (candidates.size() > TOP_CANDIDATES) {
            lines.add("  ... " + (candidates.size() - TOP_CANDIDATES) + " more in analysis.json");
        }
    }

    /**
     * The series as block characters from its lowest (▁) to its highest (█) value: each point, or on a long run
     * the lowest of each group of points, as the live-set series itself is thinned.
     */
    static String sparkline(List<Long> values) {
        int width = Math.min(SPARKLINE_WIDTH, values.size());
        long[] shown = new long[width];
        for (int i = 0; i < width; i++) {
            int from = (int) ((long) i * values.size() / width);
            int to = (int) ((long) (i + 1) * values.size() / width);
            long lowest = Long.MAX_VALUE;
            for (int j = from; j < to; j++) {
                lowest = Math.min(lowest, values.get(j));
            }
            shown[i] = lowest;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long value : shown) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        StringBuilder line = new StringBuilder(width);
        for (long value : shown) {
            int level = max == min ? BLOCKS.length / 2 - 1
                    : (int) Math.min(BLOCKS.length - 1, (value - min) * BLOCKS.length / (max - min + 1));
            line.append(BLOCKS[level]);
        }
        return line.toString();
    }

    private static String range(List<Long> values) {
        long min = values.stream().mapToLong(Long::longValue).min().orElse(0);
        long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
        return Bytes.format(min) + " to " + Bytes.format(max) + ", latest "
                + Bytes.format(values.get(values.size() - 1));
    }

    private static String duration(Duration duration) {
        return duration == null ? "?" : Durations.format(duration);
    }

    private static String colour(Verdict verdict) {
        return switch (verdict) {
            case LEAK -> "\u001b[1;41;97m";
            case NO_LEAK -> "\u001b[1;42;97m";
            case INCONCLUSIVE -> "\u001b[1;43;30m";
        };
    }
}
