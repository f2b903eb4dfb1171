package io.leakwatch.jfr.internal;

import io.leakwatch.core.Analysis;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.Verdict;
import io.leakwatch.jfr.InspectionMode;
import io.leakwatch.jfr.LeakMonitorConfig;
import io.leakwatch.jfr.events.ChainSnapshotEvent;
import io.leakwatch.jfr.internal.log.Log;
import jdk.jfr.Recording;

import java.time.Duration;

/**
 * The monitor's active steps, which stop the application for a while and so are taken only when the analysis asks
 * for them, within the pause budget: heap inspections (a class histogram after a full collection) and chain
 * snapshots (old-object samples with their paths to GC roots). Worker thread only; its state is that thread's.
 * What a step finds reaches the analysis through the recording, as {@code leakwatch.*} and
 * {@code jdk.OldObjectSample} events, so an offline replay of the evidence sees it too.
 */
final class ActiveProbes {
    private static final Log LOG = Log.get();

    private final LeakMonitorConfig config;
    private final HeapInspector inspector = new HeapInspector();
    private final long startNanos = System.nanoTime();
    private long activeNanosSpent;
    private long lastInspectionNanos = Long.MIN_VALUE / 2;
    private long lastChainNanos = Long.MIN_VALUE / 2;
    private boolean inspectionsUnavailable;

    ActiveProbes(LeakMonitorConfig config) {
        this.config = config;
    }

    /** Takes the one step that is due for {@code analysis}, if any and if the budget allows. */
    void runDue(Analysis analysis) {
        long now = System.nanoTime();
        if (analysis == null || now - startNanos < config.analyzer().warmUp().toNanos()) {
            return;
        }
        if (activeNanosSpent > config.pauseBudget() * (now - startNanos)) {
            return; // over the pause budget: wait until the run has grown long enough to afford more
        }
        try {
            if (inspectionDue(analysis, now)) {
                lastInspectionNanos = now;
                Duration cost = inspector.inspect();
                activeNanosSpent += cost.toNanos();
                LOG.debug(() -> "heap inspection took " + cost.toMillis() + " ms");
            } else if (chainSnapshotDue(analysis, now)) {
                lastChainNanos = now;
                Duration cost = chainSnapshot();
                activeNanosSpent += cost.toNanos();
                LOG.debug(() -> "reference-chain snapshot took " + cost.toMillis() + " ms");
            }
        } catch (IllegalStateException e) {
            inspectionsUnavailable = true;
            LOG.warn("heap inspections are off: " + e.getMessage());
        }
    }

    private boolean inspectionDue(Analysis analysis, long now) {
        if (inspectionsUnavailable || config.inspectionMode() == InspectionMode.OFF) {
            return false;
        }
        // Once the live set has been found flat, inspect less often: only a change of behaviour matters then.
        long interval = config.inspectionInterval().toNanos() * (analysis.verdict() == Verdict.NO_LEAK ? 4 : 1);
        if (now - lastInspectionNanos < interval) {
            return false;
        }
        return config.inspectionMode() == InspectionMode.PERIODIC || analysis.growthSuspected();
    }

    private boolean chainSnapshotDue(Analysis analysis, long now) {
        boolean wanted = analysis.growthSuspected() || analysis.verdict() == Verdict.LEAK;
        // A leak reported without who holds it is little help: when the top candidate has no chain yet, one is
        // fetched after a snapshot interval rather than a whole chain interval.
        LeakCandidate top = analysis.topCandidate();
        boolean chainMissing = analysis.verdict() == Verdict.LEAK && top != null && top.referenceChain().isEmpty();
        long interval = (chainMissing ? config.snapshotInterval() : config.chainInterval()).toNanos();
        return wanted && now - lastChainNanos >= interval;
    }

    /**
     * Starts and stops a short recording that asks for paths to GC roots: stopping it makes the JVM emit every live
     * sample with its chain, to every running recording, the monitor's included (DESIGN.md fact 1).
     */
    private Duration chainSnapshot() {
        ChainSnapshotEvent event = new ChainSnapshotEvent();
        String cutoff = config.chainCutoff().toNanos() + " ns";
        event.begin();
        long start = System.nanoTime();
        try (Recording recording = new Recording()) {
            recording.setName("leakwatch-chains");
            recording.setToDisk(false);
            recording.enable("jdk.OldObjectSample").with("cutoff", cutoff).withStackTrace();
            recording.start();
            recording.stop();
        }
        Duration cost = Duration.ofNanos(System.nanoTime() - start);
        event.end();
        event.cutoff = cutoff;
        event.commit();
        return cost;
    }
}
