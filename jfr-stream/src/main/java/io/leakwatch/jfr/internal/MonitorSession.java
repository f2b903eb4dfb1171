package io.leakwatch.jfr.internal;

import io.leakwatch.core.Analysis;
import io.leakwatch.core.Analyzer;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.StackFrame;
import io.leakwatch.jfr.LeakListener;
import io.leakwatch.jfr.LeakMonitorConfig;
import io.leakwatch.jfr.events.ChainSnapshotEvent;
import io.leakwatch.jfr.events.VerdictEvent;
import io.leakwatch.jfr.internal.log.Log;
import jdk.jfr.Recording;
import jdk.jfr.consumer.EventStream;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A running monitor: the recording it owns, and three actors around it, each with one thread's state.
 * <ul>
 *   <li>{@link StreamPump}, on {@code leakwatch-stream}: events in, analysis, {@code analysis.json}, verdict changes
 *       out;</li>
 *   <li>{@link EvidenceWriter}: the recording written out as evidence, on the worker at every snapshot, on the
 *       caller's thread for {@link #dump}, and at exit;</li>
 *   <li>{@link ActiveProbes}: evidence snapshots, heap inspections and chain snapshots, as the {@link ProbeSchedule}
 *   asks (sooner the nearer the heap is to exhaustion), on the worker;</li>
 *   <li>{@link KindProbes}: the short recordings of the events that name the code behind a kind outside the heap,
 *   while it is suspected, on the worker;</li>
 * </ul>
 * and {@link Worker}, {@code leakwatch-worker}, which also commits verdict events and calls the {@link Listeners}.
 * Two threads in all; the stream thread publishes each {@link Analysis} through one volatile field that the worker
 * reads.
 *
 * <p>The recording is one the monitor makes itself, and the events come from JFR's disk repository through
 * {@link EventStream#openRepository()}, starting at the recording's start: so the monitor holds its own
 * {@link Recording} (for the destination at exit, its state, its dumps) by construction. A {@code RecordingStream}
 * does not expose its recording, and telling it apart from other recordings (by the ids that appeared while it was
 * made) could be fooled by one started at the same moment.
 */
public final class MonitorSession {
    private static final Log LOG = Log.get();
    /** Probes are considered once a second: about as often as the analysis changes. */
    private static final Duration PROBE_PERIOD = Duration.ofSeconds(1);

    private final LeakMonitorConfig config;
    private final Recording recording;
    private final EventHandlers handlers;
    private final AnalyzerFeed feed;
    private final MonitorThreads threads = new MonitorThreads();
    private final Listeners listeners = new Listeners();
    private final EvidenceWriter evidence;
    private final EvidencePlan plan;
    private final ActiveProbes probes;
    private final KindProbes kindProbes = new KindProbes();
    private final Worker worker;
    private final Path analysisFile;
    private StreamPump pump;
    private volatile boolean closed;

    private MonitorSession(LeakMonitorConfig config) {
        this.config = config;
        Path directory = config.outputDirectory().toAbsolutePath();
        long pid = ProcessHandle.current().pid();
        this.analysisFile = directory.resolve("analysis.json");
        this.feed = new AnalyzerFeed(new Analyzer(config.analyzer()));
        this.worker = new Worker(threads);
        this.handlers = EventHandlers.forMonitor(feed, commit -> worker.submit("a field name's event", commit));
        this.recording = new Recording();
        recording.setName("leakwatch");
        this.plan = EvidencePlan.forThisJvm();
        handlers.enableOn(recording, plan);
        // Written for whoever reads the recording (JMC, jfr print, the reports); the analysis does not read them.
        recording.enable(ChainSnapshotEvent.class);
        recording.enable(VerdictEvent.class);
        recording.setMaxAge(config.maxAge());
        recording.setMaxSize(config.maxSizeBytes());
        this.evidence = new EvidenceWriter(recording, directory.resolve("leakwatch-" + pid + ".jfr"),
                directory.resolve("leakwatch-" + pid + ".exit.tmp"));
        this.probes = new ActiveProbes(config, evidence, plan);
    }

    /**
     * Creates the output directory, starts the recording, the stream and the worker. Every event from the moment
     * this returns reaches the analysis.
     *
     * @throws IOException when the output directory cannot be created
     */
    public static MonitorSession start(LeakMonitorConfig config) throws IOException {
        PrivateFiles.createDirectory(config.outputDirectory());
        MonitorSession session = new MonitorSession(config);
        session.begin();
        return session;
    }

    private void begin() {
        evidence.prepareExitEvidence();
        recording.start();
        EventStream stream;
        try {
            stream = EventStream.openRepository();
        } catch (IOException | RuntimeException e) {
            recording.close();
            evidence.abandon();
            throw new IllegalStateException("cannot read JDK Flight Recorder's repository: " + e.getMessage(), e);
        }
        // From the recording's first event on, as a RecordingStream starts: no event after start() is lost.
        stream.setStartTime(recording.getStartTime());
        // A reusing parser keeps, per event type, as many event objects as the largest flush carried (a heap
        // inspection brings hundreds of entries at once), with their values, for the stream's life: about 1,500
        // events held at 120 s of churn. Fresh objects are short-lived garbage instead, and the pump's FlushOrder
        // may keep them until their flush ends.
        stream.setReuse(false);
        pump = new StreamPump(stream, handlers, feed, analysisFile, this::announce,
                () -> listeners.interruptOverdue(System.nanoTime()));
        pump.start(threads);
        worker.every(PROBE_PERIOD, "a probe", () -> probes.runDue(pump.latest()));
        worker.every(PROBE_PERIOD, "the kinds' events", () -> kindProbes.update(pump.latest()));
        LOG.info("monitoring " + KindProbes.watched() + "; evidence in " + config.outputDirectory().toAbsolutePath()
                + (plan.continuousOldObjectSamples() ? "" : "; under generational ZGC old objects are sampled only"
                + " in short windows while growth is suspected, allocation samples say where types come from"));
    }

    /** The latest analysis, or an analysis of nothing before the first one. */
    public Analysis analysis() {
        Analysis current = pump.latest();
        return current != null ? current : new Analyzer(config.analyzer()).analysis();
    }

    public void addListener(LeakListener listener) {
        listeners.add(listener);
    }

    public boolean removeListener(LeakListener listener) {
        return listeners.remove(listener);
    }

    /** Where the evidence recording is written. */
    public Path evidenceFile() {
        return evidence.evidenceFile();
    }

    /** Writes the evidence so far to {@code target}. */
    public void dump(Path target) throws IOException {
        evidence.dump(target);
    }

    /**
     * Writes the evidence a last time, stops every thread, and writes the last analysis.
     *
     * @param atExit whether the JVM is shutting down, when JFR's own shutdown hook runs beside this and deletes its
     *               disk repository
     */
    public void close(boolean atExit) {
        if (closed) {
            return;
        }
        closed = true;
        pump.close(); // no analysis or verdict change past this: what analysis.json says last is what was announced
        worker.stop(); // nor any snapshot, probe or listener call
        probes.close(); // the worker has stopped: its state and the kinds' are this thread's now
        kindProbes.close();
        if (atExit) {
            evidence.writeAtExit();
        } else {
            evidence.writeLast();
        }
        recording.close();
        threads.joinAll();
        pump.writeLastAnalysis();
    }

    /** Stream thread: a verdict change goes to the worker, since JFR does not record what the stream thread commits. */
    private void announce(Analysis analysis) {
        worker.submit("a verdict notification", () -> {
            commitVerdictEvent(analysis);
            listeners.notifyAll(analysis);
        });
    }

    private static void commitVerdictEvent(Analysis analysis) {
        LeakCandidate top = analysis.topCandidate();
        VerdictEvent event = new VerdictEvent();
        event.verdict = analysis.verdict().name();
        event.reason = analysis.reason();
        if (top != null) {
            StackFrame frame = top.firstApplicationFrame();
            event.topCandidate = top.objectType();
            event.allocationSite = frame == null ? null : frame.toString();
            event.accumulationPoint = top.accumulationPoint() == null ? null : top.accumulationPoint().describe();
            event.growthBytesPerMinute = Double.isNaN(top.growthBytesPerMinute()) ? 0
                    : (long) top.growthBytesPerMinute();
        }
        event.commit();
    }
}
