package io.leakwatch.reports;

import io.leakwatch.core.Durations;
import io.leakwatch.core.GcKind;
import io.leakwatch.core.GcPoint;
import io.leakwatch.core.LocalTimes;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The report's second picture, as inline SVG: every collection's pause over time (a point per collection, young
 * ones small, old and full ones large, on a logarithmic scale, since young pauses are milliseconds and full ones
 * can be seconds), and below it how many young and old collections ran per minute. A collector that falls behind a
 * leak shows here first: full collections coming more often and pausing longer while young ones keep their pace.
 */
final class GcChart {
    static final int WIDTH = 860;
    static final int HEIGHT = 340;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int PAUSE_TOP = 16;
    private static final int PAUSE_BOTTOM = 190;
    private static final int RATE_TOP = 220;
    private static final int RATE_BOTTOM = 296;
    /** Frequency bars across the span: wide enough to count several young collections each. */
    private static final int BINS = 40;

    private final Instant start;
    private final double spanSeconds;
    private final double lowLog;
    private final double highLog;
    private final ZoneId zone;

    private GcChart(Instant start, double spanSeconds, double lowLog, double highLog, ZoneId zone) {
        this.start = start;
        this.spanSeconds = spanSeconds;
        this.lowLog = lowLog;
        this.highLog = highLog;
        this.zone = zone;
    }

    /** The chart of the timeline, or a note when there is nothing to draw. */
    static String render(List<GcPoint> timeline, ZoneId zone) {
        if (timeline.isEmpty()) {
            return "<p class=\"note\">No collection was recorded.</p>";
        }
        Instant first = timeline.get(0).time();
        Instant last = timeline.get(timeline.size() - 1).time();
        double shortest = timeline.stream().mapToDouble(p -> seconds(p.pause())).filter(s -> s > 0).min().orElse(1e-3);
        double longest = timeline.stream().mapToDouble(p -> seconds(p.pause())).max().orElse(1e-3);
        double low = Math.floor(Math.log10(shortest));
        double high = Math.max(low + 1, Math.ceil(Math.log10(Math.max(longest, shortest))));
        GcChart chart = new GcChart(first, Math.max(1, Duration.between(first, last).toMillis() / 1000.0), low, high,
                zone);
        return chart.draw(timeline);
    }

    private String draw(List<GcPoint> timeline) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart gc-chart\" viewBox=\"0 0 %d %d\" role=\"img\""
                + " aria-label=\"Collection pauses and collections per minute over time\">", WIDTH, HEIGHT));
        pauseAxis(svg);
        for (GcPoint point : timeline) {
            boolean old = isOld(point.kind());
            svg.append(String.format(Locale.ROOT, "<circle class=\"gc %s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%s\"><title>%s"
                    + "</title></circle>", point.kind().name().toLowerCase(Locale.ROOT), x(point.time()),
                    y(seconds(point.pause())), old ? "4.5" : "2.5", HtmlReport.escape(describe(point))));
        }
        rates(svg, timeline);
        timeAxis(svg);
        svg.append("</svg>");
        return svg.toString();
    }

    /** What a point's tooltip says: the kind, when, its pause, and how many collections it stands for. */
    private String describe(GcPoint point) {
        String kind = point.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String text = kind + " collection at " + LocalTimes.format(point.time(), zone) + ": pause "
                + Durations.format(point.pause());
        if (!point.duration().equals(point.pause())) {
            text += ", " + Durations.format(point.duration()) + " in all";
        }
        return point.collections() == 1 ? text
                : text + " (the longest of " + point.collections() + " collections here)";
    }

    private void pauseAxis(StringBuilder svg) {
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                LEFT, PAUSE_TOP, LEFT, PAUSE_BOTTOM));
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                LEFT, PAUSE_BOTTOM, WIDTH - RIGHT, PAUSE_BOTTOM));
        for (double power = lowLog; power <= highLog; power++) {
            double y = y(Math.pow(10, power));
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                    + "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", LEFT, y,
                    WIDTH - RIGHT, y, LEFT - 6, y + 4, Durations.format(Duration.ofNanos(
                            Math.round(Math.pow(10, power) * 1e9)))));
        }
        svg.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%d\" y=\"%d\">pause per collection"
                + "</text>", LEFT + 6, PAUSE_TOP + 10));
    }

    /** Collections per minute in equal time bins: young (and mixed) beside old, full and concurrent. */
    private void rates(StringBuilder svg, List<GcPoint> timeline) {
        long[] young = new long[BINS];
        long[] old = new long[BINS];
        for (GcPoint point : timeline) {
            int bin = (int) Math.min(BINS - 1, seconds(Duration.between(start, point.time())) / spanSeconds * BINS);
            (isOld(point.kind()) ? old : young)[bin] += point.collections();
        }
        double binMinutes = spanSeconds / BINS / 60;
        long most = 1;
        for (int i = 0; i < BINS; i++) {
            most = Math.max(most, Math.max(young[i], old[i]));
        }
        double top = HeapChart.niceStep(most / binMinutes);
        double binWidth = (double) plotWidth() / BINS;
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
                + "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEFT, RATE_TOP, LEFT, RATE_BOTTOM,
                LEFT, RATE_BOTTOM, WIDTH - RIGHT, RATE_BOTTOM));
        svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s/min"
                + "</text><text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text><text class=\"label\""
                + " x=\"%d\" y=\"%d\">collections per minute</text>", LEFT - 6, RATE_TOP + 4, rate(top), LEFT - 6,
                RATE_BOTTOM + 4, LEFT + 6, RATE_TOP + 10));
        for (int i = 0; i < BINS; i++) {
            double x = LEFT + i * binWidth;
            bar(svg, "young", x + 1, binWidth / 2 - 1, young[i] / binMinutes, top);
            bar(svg, "old", x + binWidth / 2, binWidth / 2 - 1, old[i] / binMinutes, top);
        }
    }

    private static void bar(StringBuilder svg, String family, double x, double width, double perMinute, double top) {
        if (perMinute <= 0) {
            return;
        }
        double height = Math.min(1, perMinute / top) * (RATE_BOTTOM - RATE_TOP);
        svg.append(String.format(Locale.ROOT, "<rect class=\"rate %s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
                + " height=\"%.1f\"><title>%s: %s/min</title></rect>", family, x, RATE_BOTTOM - height,
                Math.max(0.5, width), height, family.equals("young") ? "young and mixed" : "old and full",
                rate(perMinute)));
    }

    private void timeAxis(StringBuilder svg) {
        Instant end = start.plusMillis((long) (spanSeconds * 1000));
        for (TimeAxis.Tick tick : TimeAxis.ticks(start, end, 6, zone)) {
            svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">"
                    + "%s</text>", x(tick.time()), RATE_BOTTOM + 16, tick.label()));
        }
        svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s"
                + "</text>", LEFT + plotWidth() / 2, HEIGHT - 6,
                HtmlReport.escape(TimeAxis.caption(start, end, zone))));
    }

    /** Old, full and concurrent collections: the ones that work on the old generation. */
    static boolean isOld(GcKind kind) {
        return kind != GcKind.YOUNG && kind != GcKind.MIXED;
    }

    private static String rate(double perMinute) {
        return perMinute >= 10 ? String.format(Locale.ROOT, "%.0f", perMinute)
                : String.format(Locale.ROOT, "%.1f", perMinute);
    }

    private double x(Instant time) {
        return LEFT + seconds(Duration.between(start, time)) / spanSeconds * plotWidth();
    }

    /** Logarithmic: a decade per equal step; a pause of zero sits on the axis. */
    private double y(double pauseSeconds) {
        double log = pauseSeconds <= 0 ? lowLog : Math.max(lowLog, Math.log10(pauseSeconds));
        return PAUSE_BOTTOM - (log - lowLog) / (highLog - lowLog) * (PAUSE_BOTTOM - PAUSE_TOP);
    }

    private static int plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
