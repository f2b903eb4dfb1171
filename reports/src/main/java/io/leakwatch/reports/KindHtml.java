package io.leakwatch.reports;

import io.leakwatch.core.Evidence;
import io.leakwatch.core.KindReport;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.LeakKind;
import io.leakwatch.core.ReferenceStep;
import io.leakwatch.core.StackFrame;

import java.util.List;
import java.util.Locale;

/**
 * The HTML report's parts for the kinds outside the heap: a card per kind with its verdict, reason, series in
 * numbers and chart; and the candidates of these kinds.
 */
final class KindHtml {
    private KindHtml() {
    }

    static void section(StringBuilder html, List<KindReport> kinds) {
        if (kinds.isEmpty()) {
            return;
        }
        html.append("<h2>Outside the heap</h2>");
        int quiet = 0;
        for (KindReport kind : kinds) {
            if (KindText.quietNativeCategory(kind)) {
                quiet++;
                continue;
            }
            html.append("<div class=\"card kind\"><div><b>").append(HtmlReport.escape(kind.displayName()))
                    .append("</b> ");
            if (!kind.recorded()) {
                html.append("<span class=\"small\">not recorded</span></div><div class=\"note\">")
                        .append(HtmlReport.escape(kind.note())).append("</div></div>");
                continue;
            }
            html.append("<span class=\"pill ").append(kind.verdict().name()).append("\">")
                    .append(kind.verdict().name().replace('_', ' ')).append("</span></div>");
            if (!kind.reason().isEmpty()) {
                html.append("<div>").append(HtmlReport.escape(kind.reason())).append("</div>");
            }
            html.append("<div class=\"small\">").append(HtmlReport.escape(KindText.series(kind)));
            if (!kind.note().isEmpty()) {
                html.append(" (").append(HtmlReport.escape(kind.note())).append(')');
            }
            html.append("</div>").append(KindChart.render(kind)).append("</div>");
        }
        if (quiet > 0) {
            html.append("<p class=\"small\">").append(quiet).append(" more native memory categories, none growing.</p>");
        }
    }

    static void candidate(StringBuilder html, int rank, LeakCandidate candidate) {
        html.append("<div class=\"card candidate\"><div><b>").append(rank).append(". ")
                .append(HtmlReport.escape(candidate.kind().displayName())).append(": ")
                .append(HtmlReport.escape(candidate.objectType())).append("</b>");
        if (!candidate.namePattern().isEmpty()) {
            html.append(" named <code>").append(HtmlReport.escape(candidate.namePattern())).append("</code>");
        }
        html.append(" <span class=\"small\">confidence ")
                .append(String.format(Locale.ROOT, "%.2f", candidate.confidence())).append("</span></div>");
        String rate = KindText.rate(candidate);
        if (!rate.isEmpty()) {
            html.append("<div>grows <b>").append(HtmlReport.escape(rate)).append("</b></div>");
        }
        StackFrame frame = candidate.firstApplicationFrame();
        if (frame != null) {
            html.append("<div>").append(KindText.codeLabel(candidate.kind())).append(" <code>")
                    .append(HtmlReport.escape(frame.toString())).append("</code></div>");
        }
        if (!candidate.growingTypes().isEmpty()) {
            html.append("<div>").append(candidate.kind() == LeakKind.CLASS_METADATA
                    ? "defined again and again: " : "growing in step: ").append("<code>")
                    .append(HtmlReport.escape(String.join(", ", candidate.growingTypes()))).append("</code></div>");
        }
        if (!candidate.allocationSite().isEmpty()) {
            html.append("<details><summary>Stack</summary><pre>");
            for (StackFrame each : candidate.allocationSite()) {
                html.append(HtmlReport.escape(each.toString())).append('\n');
            }
            html.append("</pre></details>");
        }
        if (!candidate.referenceChain().isEmpty()) {
            html.append("<details open><summary>Held by</summary><pre>");
            for (String line : ReferenceStep.describe(candidate.referenceChain())) {
                html.append("  \u2190 ").append(HtmlReport.escape(line)).append('\n');
            }
            html.append("</pre></details>");
        }
        html.append("<details><summary>Evidence</summary><ul>");
        for (Evidence evidence : candidate.evidence()) {
            html.append("<li><b>").append(evidence.signal().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append("</b>: ").append(HtmlReport.escape(evidence.summary())).append("</li>");
        }
        html.append("</ul></details></div>");
    }
}
