package io.leakwatch.reports;

import io.leakwatch.core.Bytes;
import io.leakwatch.core.HeapPoint;
import io.leakwatch.core.LiveSetPoint;
import io.leakwatch.core.LiveSetReport;
import io.leakwatch.core.Trend;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The heap chart of the HTML report, as inline SVG: the heap after every collection (an upper bound of the live
 * set), the live-set measurements, the trend line, its projection to the maximum heap, and the maximum itself.
 */
final class HeapChart {
    static final int WIDTH = 860;
    static final int HEIGHT = 320;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;

    private final Instant start;
    private final double spanSeconds;
    private final double maxBytes;

    private HeapChart(Instant start, double spanSeconds, double maxBytes) {
        this.start = start;
        this.spanSeconds = spanSeconds;
        this.maxBytes = maxBytes;
    }

    /** The chart, or a note when there is nothing to draw. */
    static String render(LiveSetReport report) {
        List<Instant> times = new ArrayList<>();
        report.afterGc().forEach(p -> times.add(p.time()));
        report.points().forEach(p -> times.add(p.time()));
        if (times.isEmpty()) {
            return "<p class=\"note\">No collection with heap figures was recorded.</p>";
        }
        Instant first = times.stream().min(Instant::compareTo).orElseThrow();
        Instant last = times.stream().max(Instant::compareTo).orElseThrow();
        Trend trend = report.trend();
        Instant end = last;
        if (trend != null && trend.timeToExhaustion() != null) {
            // Show the projection, but never squeeze the observed run into less than half of the chart.
            Duration observed = Duration.between(first, last);
            Duration projection = trend.timeToExhaustion().compareTo(observed) > 0 ? observed
                    : trend.timeToExhaustion();
            end = last.plus(projection);
        }
        double top = Math.max(report.maxHeapBytes(), Math.max(
                report.afterGc().stream().mapToLong(HeapPoint::bytes).max().orElse(0),
                report.points().stream().mapToLong(LiveSetPoint::bytes).max().orElse(0)));
        HeapChart chart = new HeapChart(first, Math.max(1, Duration.between(first, end).toMillis() / 1000.0),
                top <= 0 ? 1 : top * 1.05);
        return chart.draw(report, last);
    }

    private String draw(LiveSetReport report, Instant last) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\""
                + " aria-label=\"Heap after GC and live set over time\">", WIDTH, HEIGHT));
        axes(svg);
        if (report.maxHeapBytes() > 0) {
            double y = y(report.maxHeapBytes());
            svg.append(String.format(Locale.ROOT, "<line class=\"max\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                    + "<text class=\"label max-label\" x=\"%d\" y=\"%.1f\">max heap %s</text>", LEFT, y,
                    WIDTH - RIGHT, y, LEFT + 6, y - 5, Bytes.format(report.maxHeapBytes())));
        }
        if (!report.afterGc().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (HeapPoint point : report.afterGc()) {
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f",
                        x(point.time()), y(point.bytes())));
            }
            svg.append("<path class=\"after-gc\" d=\"").append(path).append("\"/>");
        }
        for (LiveSetPoint point : report.points()) {
            svg.append(String.format(Locale.ROOT, "<circle class=\"live %s\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\">"
                            + "<title>%s: %s</title></circle>", point.source().name().toLowerCase(Locale.ROOT),
                    x(point.time()), y(point.bytes()), point.source().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    Bytes.format(point.bytes())));
        }
        Trend trend = report.trend();
        if (trend != null) {
            double startBytes = trend.fittedLatestBytes() - trend.slopeBytesPerSecond() * seconds(trend.from(),
                    trend.to());
            svg.append(String.format(Locale.ROOT, "<line class=\"trend\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\""
                    + " y2=\"%.1f\"/>", x(trend.from()), y(startBytes), x(trend.to()), y(trend.fittedLatestBytes())));
            if (trend.timeToExhaustion() != null && report.maxHeapBytes() > 0) {
                Instant exhausted = trend.to().plus(trend.timeToExhaustion());
                double endX = Math.min(x(exhausted), WIDTH - RIGHT);
                double endBytes = trend.fittedLatestBytes() + trend.slopeBytesPerSecond()
                        * Math.min(seconds(trend.to(), exhausted), (endX - x(trend.to())) / plotWidth() * spanSeconds);
                svg.append(String.format(Locale.ROOT, "<line class=\"projection\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\""
                        + " y2=\"%.1f\"/>", x(trend.to()), y(trend.fittedLatestBytes()), endX, y(endBytes)));
            }
        }
        svg.append(String.format(Locale.ROOT, "<line class=\"now\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
                x(last), TOP, x(last), HEIGHT - BOTTOM));
        svg.append("</svg>");
        return svg.toString();
    }

    private void axes(StringBuilder svg) {
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                LEFT, TOP, LEFT, HEIGHT - BOTTOM));
        double step = niceStep(maxBytes / 5);
        for (double value = 0; value <= maxBytes; value += step) {
            double y = y(value);
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                    + "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", LEFT, y,
                    WIDTH - RIGHT, y, LEFT - 6, y + 4, Bytes.format(value)));
        }
        Instant end = start.plusMillis((long) (spanSeconds * 1000));
        ZoneId zone = ZoneId.systemDefault();
        for (TimeAxis.Tick tick : TimeAxis.ticks(start, end, 6, zone)) {
            svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">"
                    + "%s</text>", x(tick.time()), HEIGHT - BOTTOM + 16, tick.label()));
        }
        svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s"
                + "</text>", LEFT + plotWidth() / 2, HEIGHT - 6,
                HtmlReport.escape(TimeAxis.caption(start, end, zone))));
    }

    private double x(Instant time) {
        return LEFT + seconds(start, time) / spanSeconds * plotWidth();
    }

    private double y(double bytes) {
        return HEIGHT - BOTTOM - bytes / maxBytes * (HEIGHT - TOP - BOTTOM);
    }

    private static int plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
    static double niceStep(double rough) {
        if (rough <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }
}
