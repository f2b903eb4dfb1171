package io.leakwatch.reports;

import io.leakwatch.core.KindReport;
import io.leakwatch.core.LeakKind;
import io.leakwatch.core.SeriesPoint;
import io.leakwatch.core.SeriesTrend;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The chart of one kind outside the heap, as inline SVG in the style of {@link HeapChart}: every sampled value as a
 * line (where the samples differ from the measurements: metaspace after any collection, direct memory between
 * collections), the measurements as dots, the trend, its projection to the kind's maximum, and the maximum.
 */
final class KindChart {
    private static final int WIDTH = HeapChart.WIDTH;
    private static final int HEIGHT = 220;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 14;
    private static final int BOTTOM = 36;

    private final LeakKind kind;
    private final Instant start;
    private final double spanSeconds;
    private final double top;

    private KindChart(LeakKind kind, Instant start, double spanSeconds, double top) {
        this.kind = kind;
        this.start = start;
        this.spanSeconds = spanSeconds;
        this.top = top;
    }

    /** The chart, or empty when the kind has no values. */
    static String render(KindReport report) {
        List<Instant> times = new ArrayList<>();
        report.points().forEach(p -> times.add(p.time()));
        report.samples().forEach(p -> times.add(p.time()));
        if (times.isEmpty()) {
            return "";
        }
        Instant first = times.stream().min(Instant::compareTo).orElseThrow();
        Instant last = times.stream().max(Instant::compareTo).orElseThrow();
        SeriesTrend trend = report.trend();
        Instant end = last;
        boolean projected = trend != null && trend.timeToExhaustion() != null && report.maxValue() > 0
                && report.projectedExhaustion() != null;
        if (projected) {
            Duration observed = Duration.between(first, last);
            end = last.plus(trend.timeToExhaustion().compareTo(observed) > 0 ? observed : trend.timeToExhaustion());
        }
        double highest = Math.max(report.points().stream().mapToLong(SeriesPoint::value).max().orElse(0),
                report.samples().stream().mapToLong(SeriesPoint::value).max().orElse(0));
        if (projected) {
            highest = Math.max(highest, report.maxValue());
        }
        KindChart chart = new KindChart(report.kind(), first,
                Math.max(1, Duration.between(first, end).toMillis() / 1000.0), highest <= 0 ? 1 : highest * 1.05);
        return chart.draw(report, projected);
    }

    private String draw(KindReport report, boolean projected) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\""
                + " aria-label=\"%s over time\">", WIDTH, HEIGHT, HtmlReport.escape(report.displayName())));
        axes(svg);
        if (projected) {
            double y = y(report.maxValue());
            svg.append(String.format(Locale.ROOT, "<line class=\"max\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                    + "<text class=\"label max-label\" x=\"%d\" y=\"%.1f\">max %s</text>", LEFT, y, WIDTH - RIGHT, y,
                    LEFT + 6, y - 5, kind.format(report.maxValue())));
        }
        List<SeriesPoint> line = report.samples().isEmpty() ? report.points() : report.samples();
        StringBuilder path = new StringBuilder();
        for (SeriesPoint point : line) {
            path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f",
                    x(point.time()), y(point.value())));
        }
        svg.append("<path class=\"after-gc\" d=\"").append(path).append("\"/>");
        if (!report.samples().isEmpty()) {
            for (SeriesPoint point : report.points()) {
                svg.append(String.format(Locale.ROOT, "<circle class=\"live full_gc\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\">"
                        + "<title>%s</title></circle>", x(point.time()), y(point.value()), kind.format(point.value())));
            }
        }
        SeriesTrend trend = report.trend();
        if (trend != null) {
            double startValue = trend.fittedLatest() - trend.slopePerSecond() * seconds(trend.from(), trend.to());
            svg.append(String.format(Locale.ROOT, "<line class=\"trend\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\""
                    + " y2=\"%.1f\"/>", x(trend.from()), y(startValue), x(trend.to()), y(trend.fittedLatest())));
            if (projected) {
                Instant exhausted = trend.to().plus(trend.timeToExhaustion());
                double endX = Math.min(x(exhausted), WIDTH - RIGHT);
                double endValue = trend.fittedLatest() + trend.slopePerSecond()
                        * (endX - x(trend.to())) / (WIDTH - LEFT - RIGHT) * spanSeconds;
                svg.append(String.format(Locale.ROOT, "<line class=\"projection\" x1=\"%.1f\" y1=\"%.1f\""
                        + " x2=\"%.1f\" y2=\"%.1f\"/>", x(trend.to()), y(trend.fittedLatest()), endX, y(endValue)));
            }
        }
        return svg.append("</svg>").toString();
    }

    private void axes(StringBuilder svg) {
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                LEFT, TOP, LEFT, HEIGHT - BOTTOM));
        double step = HeapChart.niceStep(top / 4);
        for (double value = 0; value <= top; value += step) {
            double y = y(value);
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                    + "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", LEFT, y,
                    WIDTH - RIGHT, y, LEFT - 6, y + 4, HtmlReport.escape(kind.format(value))));
        }
        double timeStep = HeapChart.niceStep(spanSeconds / 6);
        for (double t = 0; t <= spanSeconds; t += timeStep) {
            double x = LEFT + t / spanSeconds * (WIDTH - LEFT - RIGHT);
            long whole = Math.round(t);
            svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">"
                    + "%d:%02d</text>", x, HEIGHT - BOTTOM + 16, whole / 60, whole % 60));
        }
    }

    private double x(Instant time) {
        return LEFT + seconds(start, time) / spanSeconds * (WIDTH - LEFT - RIGHT);
    }

    private double y(double value) {
        return HEIGHT - BOTTOM - value / top * (HEIGHT - TOP - BOTTOM);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
