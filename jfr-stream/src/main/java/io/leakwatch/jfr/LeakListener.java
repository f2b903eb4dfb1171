package io.leakwatch.jfr;

import io.leakwatch.core.Analysis;

/**
 * Hears about the monitor's verdict. Called on the monitor's worker thread ({@code leakwatch-worker}), one call at a
 * time, whenever the verdict or the top candidate changes. A listener that throws is logged and keeps being called;
 * one that blocks never delays the analysis, but it does delay later notifications and the monitor's snapshots and
 * heap inspections, which run on the same thread: return promptly, and hand slow work (an alert over the network) to
 * a thread of your own. A call still running after 10 s is interrupted, and a warning names the listener.
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
