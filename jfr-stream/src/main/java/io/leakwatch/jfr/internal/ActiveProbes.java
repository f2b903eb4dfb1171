package io.leakwatch.jfr.internal;

import io.leakwatch.core.Analysis;
import io.leakwatch.jfr.LeakMonitorConfig;
import io.leakwatch.jfr.events.ChainSnapshotEvent;
import io.leakwatch.jfr.internal.log.Log;
import jdk.jfr.Recording;

import java.time.Duration;

/**
 * The monitor's probes, taken as the {@link ProbeSchedule} asks, on the worker thread only (its state is that
 * thread's): evidence snapshots (a dump of the recording, which also makes the JVM emit its old-object samples),
 * and, within the pause budget, heap inspections (a class histogram after a full collection) and chain snapshots
 * (old-object samples with their paths to GC roots). Where the {@link EvidencePlan} leaves the sampler off
 * (generational ZGC), a chain snapshot is a window instead: the sampler on for {@link #WINDOW}, then stopped with
 * chains, so only objects allocated in the window are sampled and kept alive. What a probe finds reaches the
 * analysis through the recording, as {@code leakwatch.*} and {@code jdk.OldObjectSample} events, so an offline
 * replay of the evidence sees it too.
 */
final class ActiveProbes {
    private static final Log LOG = Log.get();
    /** How long an old-object window samples: a leak of a few objects a second gets a few dozen samples. */
    static final Duration WINDOW = Duration.ofSeconds(10);
    /**
     * Windows come no closer than this, so that the sampler is off at least nine tenths of the time, unless who holds
     * the growing objects is what the verdict waits for ({@link ProbeSchedule#holdersWanted}): then they come as
     * chain snapshots would, but never sooner than {@link #MIN_WINDOW_GAP} after the last one closed, so the sampler
     * is on half the time at most, and only then.
     */
    static final Duration MIN_WINDOW_INTERVAL = Duration.ofSeconds(100);
    /** The least time between a window's close and the next one's opening. */
    static final Duration MIN_WINDOW_GAP = WINDOW;

    private final LeakMonitorConfig config;
    private final ProbeSchedule schedule;
    private final EvidenceWriter evidence;
    private final EvidencePlan plan;
    /** The open old-object window, or null. */
    private Recording window;
    private long windowStartNanos;
    /** The open window's path-search cutoff, as its recording was given it. */
    private String windowCutoff;
    private long lastWindowCloseNanos = Long.MIN_VALUE / 2;
    private final HeapInspector inspector = new HeapInspector();
    private final long startNanos = System.nanoTime();
    private long activeNanosSpent;
    private long lastSnapshotNanos = System.nanoTime();
    private long lastInspectionNanos = Long.MIN_VALUE / 2;
    private long lastChainNanos = Long.MIN_VALUE / 2;
    private final ChainCutoff chainCutoff;
    private boolean inspectionsUnavailable;

    ActiveProbes(LeakMonitorConfig config, EvidenceWriter evidence, EvidencePlan plan) {
        this.config = config;
        this.schedule = new ProbeSchedule(config);
        this.evidence = evidence;
        this.plan = plan;
        this.chainCutoff = new ChainCutoff(config.chainCutoff());
    }

    /**
     * Takes the probes that are due for {@code analysis} (null before the first): a snapshot when one is due, then
     * at most one of an inspection and a chain snapshot, if the budget allows.
     */
    void runDue(Analysis analysis) {
        long now = System.nanoTime();
        if (now - lastSnapshotNanos >= schedule.snapshotInterval(analysis).toNanos()) {
            lastSnapshotNanos = now;
            evidence.snapshot();
        }
        if (window != null && now - windowStartNanos >= WINDOW.toNanos()) {
            activeNanosSpent += closeWindow().toNanos();
            lastWindowCloseNanos = System.nanoTime();
            return; // the next window, if any, waits for an analysis that has read this one's samples
        }
        if (analysis == null || !schedule.started(analysis, Duration.ofNanos(now - startNanos))) {
            return;
        }
        boolean holdersWanted = ProbeSchedule.holdersWanted(analysis);
        if (!holdersWanted) {
            chainCutoff.reset();
        }
        if (activeNanosSpent > config.pauseBudget() * (now - startNanos)) {
            return; // over the pause budget: wait until the run has grown long enough to afford more
        }
        boolean chainDue = plan.continuousOldObjectSamples()
                && due(schedule.chainInterval(analysis), lastChainNanos, now);
        boolean windowDue = plan.oldObjectWindows() && window == null && windowDue(analysis, holdersWanted, now);
        try {
            // While who holds the growing objects is what the verdict waits for, chains come before more
            // inspections, which cannot name a holder: with inspections due every few seconds and the budget spent,
            // they always came first and the chains never did (tomcat-sessions in .ci/run on a loaded machine: no
            // chain 30 s after its LEAK; thread-local under generational ZGC: 13 inspections, and two windows in 180 s,
            // both at the shortest search, with the growth's evidence at 6e16:1).
            if (holdersWanted && chainDue) {
                takeChainSnapshot(holdersWanted, now);
            } else if (holdersWanted && windowDue) {
                startWindow(holdersWanted, now);
            } else if (!inspectionsUnavailable
                    && due(schedule.inspectionInterval(analysis), lastInspectionNanos, now)) {
                lastInspectionNanos = now;
                Duration cost = inspector.inspect();
                activeNanosSpent += cost.toNanos();
                LOG.debug(() -> "heap inspection took " + cost.toMillis() + " ms");
            } else if (chainDue) {
                takeChainSnapshot(holdersWanted, now);
            } else if (windowDue) {
                startWindow(holdersWanted, now);
            }
        } catch (IllegalStateException e) {
            inspectionsUnavailable = true;
            LOG.warn("heap inspections are off: " + e.getMessage());
        }
    }

    private void startWindow(boolean holdersWanted, long now) {
        lastChainNanos = now;
        openWindow(chainCutoff.next(holdersWanted));
    }

    private void takeChainSnapshot(boolean holdersWanted, long now) {
        lastChainNanos = now;
        Duration cost = chainSnapshot(chainCutoff.next(holdersWanted));
        activeNanosSpent += cost.toNanos();
        LOG.debug(() -> "reference-chain snapshot took " + cost.toMillis() + " ms");
    }

    /** Closes an open window when the monitor closes, so that the sampler does not stay on. */
    void close() {
        if (window == null) {
            return;
        }
        try {
            closeWindow();
        } catch (IllegalStateException e) {
            // At exit JFR's own hook may have stopped every recording already; the window is closed then.
            LOG.debug(() -> "old-object window already stopped at close", e);
        }
    }

    /** Whether an old-object window is due: see {@link #MIN_WINDOW_INTERVAL}. */
    private boolean windowDue(Analysis analysis, boolean holdersWanted, long now) {
        if (!holdersWanted) {
            return due(later(schedule.chainInterval(analysis)), lastChainNanos, now);
        }
        return due(schedule.chainInterval(analysis), lastChainNanos, now)
                && now - lastWindowCloseNanos >= MIN_WINDOW_GAP.toNanos();
    }

    private static Duration later(Duration interval) {
        return interval == null || interval.compareTo(MIN_WINDOW_INTERVAL) >= 0 ? interval : MIN_WINDOW_INTERVAL;
    }

    private void openWindow(Duration searchCutoff) {
        window = new Recording();
        window.setName("leakwatch-old-objects");
        window.setToDisk(false);
        windowCutoff = searchCutoff.toNanos() + " ns";
        window.enable("jdk.OldObjectSample").with("cutoff", windowCutoff).withStackTrace();
        window.start();
        windowStartNanos = System.nanoTime();
        LOG.debug(() -> "old-object window opened for " + WINDOW.toSeconds() + " s");
    }

    /** Stops the window: the JVM emits its samples, with chains, to every recording, the monitor's included. */
    private Duration closeWindow() {
        ChainSnapshotEvent event = new ChainSnapshotEvent();
        event.begin();
        long start = System.nanoTime();
        try {
            window.stop();
        } finally {
            window.close();
            window = null;
        }
        Duration cost = Duration.ofNanos(System.nanoTime() - start);
        event.end();
        event.cutoff = windowCutoff;
        event.commit();
        LOG.debug(() -> "old-object window closed in " + cost.toMillis() + " ms");
        return cost;
    }

    private static boolean due(Duration interval, long last, long now) {
        return interval != null && now - last >= interval.toNanos();
    }

    /**
     * Starts and stops a short recording that asks for paths to GC roots: stopping it makes the JVM emit every live
     * sample with its chain, to every running recording, the monitor's included (DESIGN.md fact 1).
     */
    private Duration chainSnapshot(Duration searchCutoff) {
        ChainSnapshotEvent event = new ChainSnapshotEvent();
        String cutoff = searchCutoff.toNanos() + " ns";
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
