package io.leakwatch.jfr;

import io.leakwatch.core.Analysis;

/**
 * Hears about the monitor's verdict. Called on the monitor's notification thread ({@code leakwatch-notify}), one
 * call at a time, whenever the verdict or the top candidate changes. A listener that throws is logged and keeps
 * being called; one that blocks delays only later notifications, never the analysis.
 *
 * <pre>{@code
 * monitor.addListener(analysis -> {
 *     if (analysis.verdict() == Verdict.LEAK) alerts.send(analysis.topCandidate().objectType());
 * });
 * }</pre>
 */
@FunctionalInterface
public interface LeakListener {
    /** The verdict or the top candidate changed; {@code analysis} is the new state. */
    void onVerdict(Analysis analysis);
}
