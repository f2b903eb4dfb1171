package io.leakwatch.jfr.internal;

import io.leakwatch.core.Analysis;
import io.leakwatch.core.JdkTypes;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.LeakKind;
import io.leakwatch.core.Rule;
import io.leakwatch.core.TypeGrowth;
import io.leakwatch.core.Verdict;
import io.leakwatch.jfr.InspectionMode;
import io.leakwatch.jfr.LeakMonitorConfig;

import java.time.Duration;
import java.time.Instant;

/**
 * How soon each of the monitor's probes is due, from the latest analysis: the less time its projection leaves before
 * the heap is exhausted, the sooner. A leak that would exhaust the heap in E is measured about every E / 60 (6
 * measurements, what the sequential test usually needs, within a tenth of the time left), never more often than
 * {@link #MIN_INSPECTION_INTERVAL}; an analysis that has nothing to go on is settled by an occasional inspection; a
 * {@code NO_LEAK} is re-checked rarely. Each probe is taken for what it can tell: a heap inspection measures the live
 * set after a full collection (and so class metadata after classes are unloaded, and direct memory after cleaners ran)
 * and says which types grow, so once a few histograms are kept it is not wanted while the heap is not suspected and a
 * full collection of the collector's own measured within the interval (a G1 heap at its limit, collected in full three
 * times a second, was inspected every 15 s while start-up class loading held metaspace suspected); a reference chain
 * says who holds heap objects, so it is wanted for the heap and for direct memory (a sampled buffer's holder), not for
 * class metadata alone, whose loaders the class-definition stacks name. The pause budget is {@link ActiveProbes}'s;
 * this only says what is wanted. Pure: the same analysis gives the same intervals.
 */
final class ProbeSchedule {
    /** Heap inspections, a full collection each, never more often than this. */
    static final Duration MIN_INSPECTION_INTERVAL = Duration.ofSeconds(3);
    /** Chain snapshots, a path search each, never more often than this. */
    static final Duration MIN_CHAIN_INTERVAL = Duration.ofSeconds(5);
    /** Evidence snapshots (a dump of the recording) never more often than this. */
    static final Duration MIN_SNAPSHOT_INTERVAL = Duration.ofSeconds(2);
    /** Measurements wanted per unit of the time left before exhaustion. */
    static final int INSPECTIONS_PER_EXHAUSTION = 60;
    /** Chain snapshots and evidence snapshots per unit of the time left: enough to have chains and files in time. */
    static final int SNAPSHOTS_PER_EXHAUSTION = 10;
    /** An undecided analysis with nothing suspicious is settled by an inspection this many intervals apart. */
    static final int SETTLING_FACTOR = 2;
    /** A {@code NO_LEAK} is re-checked this many intervals apart: only a change of behaviour matters then. */
    static final int NO_LEAK_FACTOR = 8;
    /** A heap projected to be exhausted sooner than this cannot wait for the warm-up to end. */
    static final Duration URGENT = Duration.ofMinutes(2);

    private final LeakMonitorConfig config;

    ProbeSchedule(LeakMonitorConfig config) {
        this.config = config;
    }

    /** Whether probes may run yet: after the warm-up, or at once when the heap is about to be exhausted. */
    boolean started(Analysis analysis, Duration elapsed) {
        Duration left = analysis.projectedExhaustion();
        return elapsed.compareTo(config.analyzer().warmUp()) >= 0 || left != null && left.compareTo(URGENT) < 0;
    }

    /** The least time between heap inspections now, or null when none is wanted. */
    Duration inspectionInterval(Analysis analysis) {
        if (config.inspectionMode() == InspectionMode.OFF) {
            return null;
        }
        Duration base = config.inspectionInterval();
        boolean suspected = analysis.growthSuspected() || analysis.verdict() == Verdict.LEAK;
        Duration interval = suspected || config.inspectionMode() == InspectionMode.PERIODIC
                ? sooner(base, analysis.projectedExhaustion(), INSPECTIONS_PER_EXHAUSTION, MIN_INSPECTION_INTERVAL)
                : base.multipliedBy(analysis.verdict() == Verdict.NO_LEAK ? NO_LEAK_FACTOR : SETTLING_FACTOR);
        boolean measuredAnyway = config.inspectionMode() != InspectionMode.PERIODIC && !heapOrBuffersSuspected(analysis)
                && typesBaselined(analysis) && collectorMeasured(analysis, interval);
        return measuredAnyway ? null : interval;
    }

    /**
     * Whether the heap's growth is suspected, or direct memory's, or anything leaks: then an inspection tells what
     * no collection does (which types grow, and so which application types grow in step with direct buffers), and a
     * chain may say who holds them.
     */
    private static boolean heapOrBuffersSuspected(Analysis analysis) {
        return analysis.verdict() == Verdict.LEAK || analysis.liveSet().growthSuspected()
                || analysis.kinds().stream().anyMatch(kind -> kind.kind() == LeakKind.DIRECT_MEMORY
                && kind.growthSuspected());
    }

    /**
     * Whether enough histograms are kept for a growth that is suspected later to be named at its first inspections:
     * growth of a type takes {@link TypeGrowth#MIN_STEPS} steps, so that many and one more, taken to settle, are
     * the baseline later ones are compared with.
     */
    private static boolean typesBaselined(Analysis analysis) {
        return analysis.counts().histograms() > TypeGrowth.MIN_STEPS;
    }

    /**
     * Whether a full collection that no inspection asked for ended within {@code interval} before the latest event:
     * it measured the live set, and class metadata after unloading, as exactly as an inspection would. Concurrent old
     * cycles (ZGC's, Shenandoah's, G1's concurrent marks) are not full collections: their readings include what was
     * allocated during the cycle, and under generational ZGC at its heap's limit they scattered by 30-45 MB around a
     * 60 MB live set, which only inspections settled.
     */
    private static boolean collectorMeasured(Analysis analysis, Duration interval) {
        Instant latest = analysis.liveSet().latestFullCollection();
        return latest != null && analysis.to() != null && !latest.isBefore(analysis.to().minus(interval));
    }

    /** The least time between chain snapshots now, or null when none is wanted. */
    Duration chainInterval(Analysis analysis) {
        if (!heapOrBuffersSuspected(analysis)) {
            return null;
        }
        // A leak reported without who holds it is little help, and a growth that nothing names waits for who holds
        // it: then a chain is fetched after a snapshot interval rather than a whole chain interval.
        Duration base = holdersWanted(analysis) ? config.snapshotInterval() : config.chainInterval();
        return sooner(base, analysis.projectedExhaustion(), SNAPSHOTS_PER_EXHAUSTION, MIN_CHAIN_INTERVAL);
    }

    /** Whether the verdict is a LEAK of the heap whose top candidate has no reference chain yet. */
    private static boolean leakWithoutChain(Analysis analysis) {
        LeakCandidate top = analysis.topCandidate();
        return analysis.verdict() == Verdict.LEAK && top != null && top.kind() == LeakKind.HEAP
                && top.referenceChain().isEmpty();
    }

    /**
     * Whether who holds the growing objects is what the verdict waits for: a heap {@code LEAK} whose top candidate
     * has no chain yet, or a live set that grows with evidence while nothing recorded says which objects grow and the
     * top heap candidate is of JDK types alone and has no chain. JDK types such as {@code byte[]}, however much of
     * the growth they explain, confirm nothing until a chain ties them to the application object that holds them
     * (thread-local, inner-class and h2-table under generational ZGC, whose only chains come from short old-object
     * windows, stayed {@code INCONCLUSIVE} so); a candidate of application types is confirmed by heap inspections,
     * which more path searches could only delay, since both come out of one pause budget. The top candidate, not
     * every sample: in thread-local's run one chained sample of another
     * site ended the faster windows while the candidate that explained 93% of the growth had none. With no candidate
     * at all, chains are wanted while no sample has one.
     */
    static boolean holdersWanted(Analysis analysis) {
        if (leakWithoutChain(analysis)) {
            return true;
        }
        if (analysis.finding(Rule.NOTHING_SAYS_WHAT_GROWS).isEmpty()) {
            return false;
        }
        LeakCandidate top = analysis.topCandidate(LeakKind.HEAP);
        if (top == null) {
            return analysis.sites().stream().allMatch(site -> site.referenceChain().isEmpty());
        }
        return top.referenceChain().isEmpty() && JdkTypes.isJdk(top.objectType())
                && top.growingTypes().stream().allMatch(JdkTypes::isJdk);
    }

    /** The least time between evidence snapshots now; before any analysis, the configured interval. */
    Duration snapshotInterval(Analysis analysis) {
        Duration left = analysis == null || analysis.verdict() == Verdict.NO_LEAK ? null
                : analysis.projectedExhaustion();
        return sooner(config.snapshotInterval(), left, SNAPSHOTS_PER_EXHAUSTION, MIN_SNAPSHOT_INTERVAL);
    }

    /** {@code base}, or the time left divided by {@code perLeft} when that is sooner, but not below {@code least}. */
    private static Duration sooner(Duration base, Duration left, int perLeft, Duration least) {
        if (left == null) {
            return base;
        }
        Duration urgent = left.dividedBy(perLeft);
        if (urgent.compareTo(least) < 0) {
            urgent = least;
        }
        return urgent.compareTo(base) < 0 ? urgent : base;
    }
}
