package io.leakwatch.reports;

import io.leakwatch.core.AccumulationPoint;
import io.leakwatch.core.Analysis;
import io.leakwatch.core.Bytes;
import io.leakwatch.core.Durations;
import io.leakwatch.core.Evidence;
import io.leakwatch.core.GcWindowStatistics;
import io.leakwatch.core.KindStatistics;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.LocalTimes;
import io.leakwatch.core.LeakKind;
import io.leakwatch.core.Odds;
import io.leakwatch.core.StackFrame;
import io.leakwatch.core.Trend;
import io.leakwatch.core.TypeGrowth;
import io.leakwatch.jfr.FileReport;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Renders an analysis as one self-contained HTML file: no script, no network, charts as inline SVG. The verdict
 * comes first, then the heap chart (heap after GC, live-set points, trend and projection), the GC chart (each
 * collection's pause, young against old and full, and how many ran per minute), the candidates with their
 * fingerprint, application frame, container and suspect reference, collapsible allocation stacks and leak traces
 * (root first, the suspect reference, container and accumulation point marked), the kinds outside the heap (a card
 * and a chart each), growing types, and GC statistics.
 */
public final class HtmlReport {
    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d232b;background:#f4f6f8}
            main{max-width:920px;margin:0 auto;padding:24px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 10px}
            .verdict{border-radius:8px;padding:16px 20px;color:#fff;margin:16px 0}
            .verdict b{font-size:20px;letter-spacing:.5px}
            .LEAK{background:#b42318}.NO_LEAK{background:#2e7d32}.INCONCLUSIVE{background:#8a6d1c}
            .card{background:#fff;border-radius:8px;padding:14px 18px;margin:12px 0;box-shadow:0 1px 2px #0002}
            .chart{width:100%;height:auto;background:#fff;border-radius:8px;box-shadow:0 1px 2px #0002}
            .axis{stroke:#667;stroke-width:1}.grid{stroke:#e3e6ea;stroke-width:1}
            .tick,.label{font-size:11px;fill:#556}
            .after-gc{fill:none;stroke:#9aa5b1;stroke-width:1.2}
            .live{stroke:#fff;stroke-width:1}.live.full_gc,.live.heap_inspection{fill:#1f5fbf}
            .live.old_gc{fill:#7a3fbf}.live.mixed_phase{fill:#1f9fbf}
            .trend{stroke:#b42318;stroke-width:2.5}.projection{stroke:#b42318;stroke-width:2;stroke-dasharray:6 5}
            .max{stroke:#b42318;stroke-width:1;stroke-dasharray:2 3}.max-label{fill:#b42318}
            .now{stroke:#c5cad1;stroke-dasharray:3 3}
            .gc{stroke:#fff;stroke-width:.6}.gc.young{fill:#1f5fbf}.gc.mixed{fill:#1f9fbf}.gc.old{fill:#7a3fbf}
            .gc.full{fill:#b42318}.gc.concurrent_cycle{fill:#c08a1c}.rate.young{fill:#1f5fbf}.rate.old{fill:#b42318}
            .legend span{display:inline-block;margin-right:16px;font-size:12px;color:#445}
            .legend i{display:inline-block;width:12px;height:12px;border-radius:6px;margin-right:5px;vertical-align:-1px}
            code,pre{font:12.5px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace}
            pre{margin:6px 0;white-space:pre-wrap}
            .hot{background:#fde7e5;color:#8c1d13;border-radius:4px;padding:1px 4px;font-weight:600}
            .suspect{color:#8c1d13;font-weight:700;text-decoration:underline wavy #b42318}
            .container{background:#fff4d6;color:#6b4e00;border-radius:4px;padding:1px 4px;font-weight:600}
            summary{cursor:pointer;font-weight:600;margin-top:6px}
            table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:4px 8px;border-bottom:1px solid #eceff2}
            th{font-weight:600;color:#445}td.n{text-align:right;font-variant-numeric:tabular-nums}
            .bar{height:10px;background:#1f5fbf;border-radius:3px}
            .note{color:#556}.small{font-size:12px;color:#556}
            .pill{border-radius:10px;padding:1px 8px;color:#fff;font-size:12px}
            """;

    private HtmlReport() {
    }

    /** The report of an analysis with no file list (a live snapshot). */
    public static String render(Analysis analysis) {
        return render(analysis, List.of(), "Leakwatch report");
    }

    /** The report of an offline analysis; {@code title} names what was analysed. */
    public static String render(Analysis analysis, List<FileReport> files, String title) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title)).append("</title><style>").append(STYLE)
                .append("</style></head><body><main>");
        html.append("<h1>").append(escape(title)).append("</h1>");
        if (analysis.from() != null) {
            html.append("<div class=\"small\">").append(escape(LocalTimes.span(analysis.from(), analysis.to())))
                    .append(" &middot; ")
                    .append(analysis.counts().collections()).append(" collections, ")
                    .append(analysis.counts().snapshots()).append(" old-object snapshots, ")
                    .append(analysis.counts().histograms()).append(" heap inspections</div>");
        }
        html.append("<div class=\"verdict ").append(analysis.verdict().name()).append("\"><b>")
                .append(analysis.verdict().name().replace('_', ' ')).append("</b><div>")
                .append(escape(analysis.reason())).append("</div>");
        if (!analysis.nextStep().isEmpty()) {
            html.append("<div><i>Next step:</i> ").append(escape(analysis.nextStep())).append("</div>");
        }
        for (String gap : analysis.coverage().gaps()) {
            html.append("<div class=\"small\"><i>Not seen:</i> ").append(escape(gap)).append("</div>");
        }
        html.append("</div>");
        for (FileReport file : files) {
            if (file.status() != FileReport.Status.COMPLETE) {
                html.append("<div class=\"card note\">").append(escape(file.message())).append("</div>");
            }
        }

        html.append("<h2>Heap after GC and live set</h2>").append(HeapChart.render(analysis.liveSet()));
        html.append("<div class=\"legend\"><span><i style=\"background:#9aa5b1\"></i>heap after each GC (upper"
                + " bound)</span><span><i style=\"background:#1f5fbf\"></i>live set (full GC, inspection)</span>"
                + "<span><i style=\"background:#7a3fbf\"></i>live set (concurrent old GC)</span><span><i"
                + " style=\"background:#1f9fbf\"></i>end of G1 mixed phase</span><span><i style=\"background:"
                + "#b42318\"></i>trend and projection</span></div>");
        Trend trend = analysis.liveSet().trend();
        if (trend != null) {
            html.append("<p class=\"small\">").append(escape(String.format(Locale.ROOT,
                    "Trend over %s: %s/min (Theil-Sen), noise %s, evidence for growth %s%s.",
                    Durations.format(trend.span()), Bytes.format(trend.slopeBytesPerMinute()),
                    Bytes.format(trend.noiseBytes()), Odds.format(trend.logBayesFactor()),
                    trend.timeToExhaustion() == null ? ""
                            : "; heap exhausted in about " + Durations.format(trend.timeToExhaustion()))))
                    .append("</p>");
        }

        gcChart(html, analysis);

        html.append("<h2>Leak candidates</h2>");
        if (analysis.candidates().isEmpty()) {
            html.append("<p class=\"note\">None.</p>");
        }
        int rank = 1;
        for (LeakCandidate candidate : analysis.candidates()) {
            if (candidate.kind() == LeakKind.HEAP) {
                candidate(html, rank++, candidate);
            } else {
                KindHtml.candidate(html, rank++, candidate);
            }
        }
        KindHtml.section(html, analysis.kinds());
        typeGrowth(html, analysis.typeGrowth());
        gc(html, analysis.gc());
        html.append("<p class=\"small\">Generated by Leakwatch. Object contents are shown only when asked for"
                + " (--include-values).</p>");
        html.append("</main></body></html>\n");
        return html.toString();
    }

    /** The second picture: young against old and full collections over time, their pauses and frequency. */
    private static void gcChart(StringBuilder html, Analysis analysis) {
        html.append("<h2>Collections: pauses and frequency</h2>")
                .append(GcChart.render(analysis.gcTimeline(), ZoneId.systemDefault()));
        html.append("<div class=\"legend\"><span><i style=\"background:#1f5fbf\"></i>young</span><span><i"
                + " style=\"background:#1f9fbf\"></i>mixed</span><span><i style=\"background:#7a3fbf\"></i>old"
                + " (concurrent)</span><span><i style=\"background:#b42318\"></i>full</span><span><i style=\""
                + "background:#c08a1c\"></i>concurrent cycle</span><span>bars: young and mixed (blue), old and full"
                + " (red) per minute</span></div>");
        for (GcWindowStatistics window : analysis.gc()) {
            if (window.name().equals("run")) {
                html.append("<p class=\"small\">").append(escape(rhythm(window))).append("</p>");
            }
        }
    }

    /** The run's collections in one sentence: how often each family ran, and its longest pause. */
    private static String rhythm(GcWindowStatistics run) {
        StringBuilder text = new StringBuilder("Over ").append(Durations.format(run.span())).append(':');
        String separator = " ";
        for (KindStatistics kind : run.kinds()) {
            text.append(separator).append(String.format(Locale.ROOT, "%d %s (%.1f/min, pause p50 %s, max %s)",
                    kind.count(), kind.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), kind.perMinute(),
                    Durations.format(kind.pauses().p50()), Durations.format(kind.pauses().max())));
            separator = "; ";
        }
        return text.append('.').toString();
    }

    private static void candidate(StringBuilder html, int rank, LeakCandidate candidate) {
        html.append("<div class=\"card candidate\"><div><b>").append(rank).append(". ")
                .append(escape(candidate.objectType())).append("</b> <span class=\"small\">confidence ")
                .append(String.format(Locale.ROOT, "%.2f", candidate.confidence())).append("</span></div>");
        if (!Double.isNaN(candidate.growthBytesPerMinute())) {
            html.append("<div>grows <b>").append(escape(Bytes.format(candidate.growthBytesPerMinute())))
                    .append("/min</b>");
            if (!Double.isNaN(candidate.shareOfLiveSetGrowth())) {
                html.append(String.format(Locale.ROOT, ", %.0f%% of the live-set growth",
                        100 * candidate.shareOfLiveSetGrowth()));
            }
            html.append("</div>");
        }
        html.append("<div class=\"small\">fingerprint <code>").append(escape(candidate.fingerprint()))
                .append("</code></div>");
        StackFrame frame = candidate.firstApplicationFrame();
        if (frame != null) {
            html.append("<div>allocated at <code>").append(escape(frame.toString())).append("</code>");
            if (candidate.viaFrame() != null) {
                html.append(", via <code>").append(escape(candidate.viaFrame().toString())).append("</code>");
            }
            html.append("</div>");
        } else if (!candidate.allocationSite().isEmpty()) {
            html.append("<div>allocated at <code>").append(escape(candidate.allocationSite().get(0).toString()))
                    .append("</code> (no application frame recorded)</div>");
        }
        if (!candidate.exampleValue().isEmpty()) {
            html.append("<div>example value: <code>").append(escape(candidate.exampleValue())).append("</code></div>");
        }
        AccumulationPoint point = candidate.accumulationPoint();
        if (point != null) {
            html.append("<div>accumulates in <span class=\"hot\">").append(escape(point.describeContainer()))
                    .append("</span></div>");
            html.append("<div>suspect reference ");
            if (point.suspect() == null) {
                html.append("<span class=\"note\">none: no field of the application holds the container</span>");
            } else {
                html.append("<span class=\"suspect\">").append(escape(point.suspect().describe())).append("</span>");
            }
            html.append("</div>");
        }
        if (!candidate.allocationSite().isEmpty()) {
            html.append("<details><summary>Allocation stack</summary><pre>");
            List<StackFrame> frames = candidate.allocationSite();
            for (int i = 0; i < frames.size(); i++) {
                String line = escape(frames.get(i).toString());
                html.append(i == candidate.applicationFrame() ? "<b>" + line + "</b>" : line).append('\n');
            }
            html.append("</pre></details>");
        }
        List<LeakTrace.Line> trace = LeakTrace.of(candidate);
        if (!trace.isEmpty()) {
            html.append("<details open><summary>Leak trace, root first</summary><pre class=\"trace\">");
            if (!candidate.rootDescription().isEmpty()) {
                html.append("root: ").append(escape(candidate.rootDescription())).append('\n');
            }
            for (int i = 0; i < trace.size(); i++) {
                LeakTrace.Line line = trace.get(i);
                html.append(i == trace.size() - 1 ? "\u2570\u2192 " : "\u251c\u2500 ");
                if (line.marks().isEmpty()) {
                    html.append(escape(line.text()));
                } else {
                    String style = switch (line.marks().get(0)) {
                        case SUSPECT -> "suspect";
                        case CONTAINER -> "container";
                        case STORAGE -> "hot";
                    };
                    html.append("<span class=\"").append(style).append("\">").append(escape(line.text()))
                            .append("</span> <span class=\"small\">").append(escape(line.note())).append("</span>");
                }
                html.append('\n');
            }
            html.append("</pre></details>");
        }
        html.append("<details><summary>Evidence</summary><ul>");
        for (Evidence evidence : candidate.evidence()) {
            html.append("<li><b>").append(evidence.signal().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append("</b>: ").append(escape(evidence.summary())).append("</li>");
        }
        html.append("</ul></details></div>");
    }

    private static void typeGrowth(StringBuilder html, List<TypeGrowth> growth) {
        if (growth.isEmpty()) {
            return;
        }
        html.append("<h2>Types that grew between heap inspections</h2><div class=\"card\"><table><tr><th>type</th>"
                + "<th>bytes/min</th><th>instances/min</th><th>grew in</th><th></th></tr>");
        double fastest = growth.get(0).bytesPerMinute();
        for (TypeGrowth type : growth.subList(0, Math.min(15, growth.size()))) {
            html.append("<tr><td><code>").append(escape(type.typeName())).append("</code></td><td class=\"n\">")
                    .append(escape(Bytes.format(type.bytesPerMinute()))).append("</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%.0f", type.instancesPerMinute())).append("</td><td class=\"n\">")
                    .append(type.growingSteps()).append('/').append(type.steps()).append("</td><td style=\"width:30%\">")
                    .append(String.format(Locale.ROOT, "<div class=\"bar\" style=\"width:%.0f%%\"></div>",
                            fastest <= 0 ? 0 : 100 * type.bytesPerMinute() / fastest))
                    .append("</td></tr>");
        }
        html.append("</table></div>");
    }

    private static void gc(StringBuilder html, List<GcWindowStatistics> windows) {
        if (windows.isEmpty()) {
            return;
        }
        GcWindowStatistics run = windows.get(windows.size() - 1);
        html.append("<h2>Garbage collection</h2><div class=\"card\"><table><tr><th>window</th><th>kind</th>"
                + "<th>count</th><th>per min</th><th>pause p50</th><th>p90</th><th>p99</th><th>max</th>"
                + "<th>reclaimed</th></tr>");
        for (GcWindowStatistics window : windows) {
            for (KindStatistics kind : window.kinds()) {
                html.append("<tr><td>").append(escape(window.name())).append("</td><td>")
                        .append(kind.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append("</td><td class=\"n\">")
                        .append(kind.count()).append("</td><td class=\"n\">")
                        .append(String.format(Locale.ROOT, "%.1f", kind.perMinute())).append("</td><td class=\"n\">")
                        .append(Durations.format(kind.pauses().p50())).append("</td><td class=\"n\">")
                        .append(Durations.format(kind.pauses().p90())).append("</td><td class=\"n\">")
                        .append(Durations.format(kind.pauses().p99())).append("</td><td class=\"n\">")
                        .append(Durations.format(kind.pauses().max())).append("</td><td class=\"n\">")
                        .append(escape(Bytes.format(kind.reclaimedBytes()))).append("</td></tr>");
            }
        }
        html.append("</table><p class=\"small\">").append(escape(String.format(Locale.ROOT,
                "Over the whole run (%s): GC pauses took %.2f%% of the time; allocation %s/s; promotion %s/s.",
                Durations.format(run.span()), 100 * run.gcTimeShare(), Bytes.format(run.allocationBytesPerSecond()),
                Bytes.format(run.promotionBytesPerSecond())))).append("</p></div>");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
