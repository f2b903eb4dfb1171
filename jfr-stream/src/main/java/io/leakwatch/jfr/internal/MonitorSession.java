package io.leakwatch.jfr.internal;

import io.leakwatch.core.Analysis;
import io.leakwatch.core.Analyzer;
import io.leakwatch.core.Bytes;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.StackFrame;
import io.leakwatch.core.Verdict;
import io.leakwatch.core.json.AnalysisJson;
import io.leakwatch.jfr.InspectionMode;
import io.leakwatch.jfr.LeakListener;
import io.leakwatch.jfr.LeakMonitorConfig;
import io.leakwatch.jfr.events.ChainSnapshotEvent;
import io.leakwatch.jfr.events.ClassHistogramEntryEvent;
import io.leakwatch.jfr.events.HeapInspectionEvent;
import io.leakwatch.jfr.events.VerdictEvent;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;
import jdk.jfr.consumer.RecordingStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A running monitor: one {@link RecordingStream} on the daemon thread {@code leakwatch-stream} feeds the analyzer; the
 * {@code leakwatch-scheduler} thread takes old-object snapshots (which also write the evidence recording out),
 * heap inspections and chain snapshots; the {@code leakwatch-notify} thread calls listeners.
 *
 * <p>Threading: the analyzer and everything under it are touched only by the stream thread. The stream thread
 * publishes each new {@link Analysis} through a volatile field; the scheduler reads it to decide on active steps.
 * Evidence dumps are serialised by a lock because the scheduler, {@code dump(Path)} and {@code close()} can all ask
 * for one.
 */
public final class MonitorSession {
    private static final Logger LOG = LoggerFactory.getLogger("io.leakwatch");
    /** Least time between two analyses of the stream: a flush arrives about every second (DESIGN.md fact 8). */
    private static final long ANALYSIS_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(900);
    /** Least time between two rewrites of analysis.json when only statistics changed. */
    private static final long JSON_PERIOD_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** A failure to write the output is logged again after this long, not at every attempt. */
    private static final long WARNING_PERIOD_NANOS = TimeUnit.MINUTES.toNanos(5);
    private static final Duration THREAD_STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final String STREAM_THREAD = "leakwatch-stream";
    private static final Duration RECORDING_START_TIMEOUT = Duration.ofSeconds(5);
    /** JFR's shutdown hook writes a recording of the default 64 MB bound out in well under a second. */
    private static final Duration EXIT_WRITE_TIMEOUT = Duration.ofSeconds(5);

    private final LeakMonitorConfig config;
    private final Path evidenceFile;
    private final Path analysisFile;
    private final RecordingStream stream;
    private final Set<Long> streamRecordingIds;
    /** The stream's recording, which the stream does not expose; null if it cannot be told apart from others. */
    private Recording streamRecording;
    /** Where JFR writes the stream's recording when it stops (at exit), before it replaces the evidence file. */
    private final Path exitFile;
    private final AnalyzerFeed feed;
    private final HeapInspector inspector = new HeapInspector();
    private final List<LeakListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final Object dumpLock = new Object();
    private final long startNanos = System.nanoTime();
    private ScheduledExecutorService scheduler;
    private ExecutorService notifier;
    private volatile Analysis latest;
    private volatile boolean closed;

    // Stream thread only.
    private long analyzedEvents = -1;
    private long lastAnalysisNanos;
    private long lastJsonNanos;
    private Verdict publishedVerdict;
    private String publishedTop;
    private long lastWriteWarningNanos = Long.MIN_VALUE / 2;

    // Scheduler thread only.
    private long activeNanosSpent;
    private long lastInspectionNanos = Long.MIN_VALUE / 2;
    private long lastChainNanos = Long.MIN_VALUE / 2;
    private long lastDumpWarningNanos = Long.MIN_VALUE / 2;
    private boolean inspectionsUnavailable;

    private MonitorSession(LeakMonitorConfig config) {
        this.config = config;
        Path directory = config.outputDirectory().toAbsolutePath();
        long pid = ProcessHandle.current().pid();
        this.evidenceFile = directory.resolve("leakwatch-" + pid + ".jfr");
        this.analysisFile = directory.resolve("analysis.json");
        this.exitFile = directory.resolve("leakwatch-" + pid + ".exit.tmp");
        this.feed = new AnalyzerFeed(new Analyzer(config.analyzer()));
        Set<Long> existing = recordingIds();
        this.stream = new RecordingStream();
        // The stream's recording is registered, not yet running, as soon as the stream is made.
        Set<Long> created = recordingIds();
        created.removeAll(existing);
        this.streamRecordingIds = created;
    }

    /**
     * Creates the output directory, starts the stream and the threads.
     *
     * @throws IOException when the output directory cannot be created
     */
    public static MonitorSession start(LeakMonitorConfig config) throws IOException {
        PrivateFiles.createDirectory(config.outputDirectory());
        MonitorSession session = new MonitorSession(config);
        session.startThreads();
        return session;
    }

    private void startThreads() {
        stream.enable("jdk.GarbageCollection");
        stream.enable("jdk.G1GarbageCollection");
        stream.enable("jdk.GCHeapSummary");
        stream.enable("jdk.GCHeapConfiguration").with("period", "beginChunk");
        // Enabled from the start: the sampler only covers objects allocated while some recording has it on
        // (DESIGN.md fact 2). Cutoff 0: periodic snapshots without chains cost 1-3 ms (fact 3).
        stream.enable("jdk.OldObjectSample").with("cutoff", "0 ns").withStackTrace();
        stream.enable(HeapInspectionEvent.class);
        stream.enable(ClassHistogramEntryEvent.class);
        stream.enable(ChainSnapshotEvent.class);
        stream.enable(VerdictEvent.class);
        stream.setMaxAge(config.maxAge());
        stream.setMaxSize(config.maxSizeBytes());
        new EventHandlers(feed).registerOn(stream);
        stream.onFlush(this::afterFlush);
        stream.onError(error -> LOG.warn("Leakwatch: the event stream reported an error", error));

        // RecordingStream.startAsync() would run the stream on a thread that is not a daemon, which keeps the JVM
        // alive when nobody closes the monitor (seen with the agent); so the stream runs on a daemon thread of our
        // own, and start() waits until its recording runs, so that no event after start() is lost.
        Thread streamThread = thread(STREAM_THREAD).newThread(() -> {
            try {
                stream.start();
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.error("Leakwatch: the event stream stopped; leak monitoring is off", e);
                }
            } catch (Error e) {
                // The JDK's parser throws InternalError and others on malformed metadata or constant pools (issue
                // 11); the analysis so far stays available from snapshot() and in the evidence already written.
                ParserFailures.rethrowIfFatal(e);
                if (!closed) {
                    LOG.warn("Leakwatch: the JDK's parser failed on this JVM's own recording ({}); leak monitoring"
                            + " is off, the analysis so far is kept", e.toString());
                }
            }
        });
        streamThread.start();
        streamRecording = awaitRecordingStart();
        prepareExitEvidence();
        notifier = Executors.newSingleThreadExecutor(thread("leakwatch-notify"));
        scheduler = Executors.newSingleThreadScheduledExecutor(thread("leakwatch-scheduler"));
        long snapshotMillis = config.snapshotInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::snapshot, snapshotMillis, snapshotMillis, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::activeSteps, 1, 1, TimeUnit.SECONDS);
        LOG.info("Leakwatch: monitoring the heap; evidence in {}", config.outputDirectory().toAbsolutePath());
    }

    /** The latest analysis, or an analysis of nothing before the first one. */
    public Analysis analysis() {
        Analysis current = latest;
        return current != null ? current : new Analyzer(config.analyzer()).analysis();
    }

    public void addListener(LeakListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public boolean removeListener(LeakListener listener) {
        return listeners.remove(listener);
    }

    /** Where the evidence recording is written. */
    public Path evidenceFile() {
        return evidenceFile;
    }

    /** Writes the evidence so far to {@code target}. */
    public void dump(Path target) throws IOException {
        synchronized (dumpLock) {
            if (closed) {
                throw new IllegalStateException("the monitor is closed");
            }
            stream.dump(target);
            PrivateFiles.restrict(target);
        }
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
        scheduler.shutdownNow();
        await(scheduler);
        if (atExit) {
            writeEvidenceAtExit();
        } else {
            writeEvidence();
            withoutExitEvidence();
        }
        closed = true;
        stream.close();
        notifier.shutdown();
        await(notifier);
        joinThreads();
        Analysis last = latest;
        if (last != null) {
            writeAnalysis(last);
        }
    }

    private void afterFlush() {
        feed.flush();
        long now = System.nanoTime();
        if (feed.events() == analyzedEvents || now - lastAnalysisNanos < ANALYSIS_PERIOD_NANOS) {
            return;
        }
        analyzedEvents = feed.events();
        lastAnalysisNanos = now;
        Analysis analysis = feed.analyzer().analysis();
        latest = analysis;
        LeakCandidate top = analysis.topCandidate();
        String topType = top == null ? null : top.objectType();
        boolean changed = analysis.verdict() != publishedVerdict || !Objects.equals(topType, publishedTop);
        if (changed) {
            publishedVerdict = analysis.verdict();
            publishedTop = topType;
            announce(analysis);
        }
        if (changed || now - lastJsonNanos >= JSON_PERIOD_NANOS) {
            lastJsonNanos = now;
            writeAnalysis(analysis);
        }
    }

    private void announce(Analysis analysis) {
        // JFR does not record events committed on a stream's own thread, so the verdict event is written from the
        // notification thread.
        notifier.execute(() -> recordVerdict(analysis));
        log(analysis);
        for (LeakListener listener : listeners) {
            notifier.execute(() -> {
                try {
                    listener.onVerdict(analysis);
                } catch (RuntimeException e) {
                    LOG.warn("Leakwatch: listener {} threw; it stays registered", listener, e);
                }
            });
        }
    }

    private static void recordVerdict(Analysis analysis) {
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

    private void log(Analysis analysis) {
        LeakCandidate top = analysis.topCandidate();
        if (analysis.verdict() == Verdict.LEAK && top != null) {
            StackFrame frame = top.firstApplicationFrame();
            LOG.warn("Leakwatch: memory leak: {} grows{}, allocated at {}, held by {}. {} Details: {}",
                    top.objectType(), Double.isNaN(top.growthBytesPerMinute()) ? ""
                            : " " + Bytes.format(top.growthBytesPerMinute()) + "/min",
                    frame == null ? "(no allocation sample yet)" : frame,
                    top.accumulationPoint() != null ? top.accumulationPoint().describe()
                            : top.referenceChain().isEmpty() ? "(no reference chain yet)"
                            : top.referenceChain().get(top.referenceChain().size() - 1).describe(),
                    analysis.reason(), analysisFile);
        } else {
            LOG.info("Leakwatch: {}: {}", analysis.verdict(), analysis.reason());
        }
    }

    private void writeAnalysis(Analysis analysis) {
        try {
            PrivateFiles.writeAtomically(analysisFile, AnalysisJson.write(analysis));
        } catch (IOException | RuntimeException e) {
            long now = System.nanoTime();
            if (now - lastWriteWarningNanos >= WARNING_PERIOD_NANOS) {
                lastWriteWarningNanos = now;
                LOG.warn("Leakwatch: cannot write {} ({}); monitoring goes on in memory", analysisFile, e.toString());
            }
        }
    }

    /** Dumps the stream: the JVM emits its old-object samples to it, and the evidence file is rewritten. */
    private void snapshot() {
        try {
            writeEvidence();
        } catch (RuntimeException e) {
            LOG.warn("Leakwatch: snapshot failed", e);
        }
    }

    private void writeEvidence() {
        synchronized (dumpLock) {
            if (closed) {
                return;
            }
            Path temporary = evidenceFile.resolveSibling(evidenceFile.getFileName() + ".tmp");
            try {
                long start = System.nanoTime();
                stream.dump(temporary);
                PrivateFiles.replace(temporary, evidenceFile);
                LOG.debug("Leakwatch: snapshot and evidence dump took {} ms", (System.nanoTime() - start) / 1_000_000);
            } catch (IOException | RuntimeException e) {
                deleteQuietly(temporary); // a partial dump on a full disk would starve analysis.json of space
                long now = System.nanoTime();
                if (now - lastDumpWarningNanos >= WARNING_PERIOD_NANOS) {
                    lastDumpWarningNanos = now;
                    LOG.warn("Leakwatch: cannot write the evidence recording {} ({}); monitoring goes on",
                            evidenceFile, e.toString());
                }
            }
        }
    }

    /**
     * Makes JFR write the stream's recording to {@link #exitFile} when the recording stops. At JVM exit, JFR's own
     * shutdown hook stops every recording and deletes its disk repository, and it usually runs before the monitor's
     * hook (all hooks start at once): a dump from the monitor's hook then found the chunk files gone, JFR printed
     * "Chunkfile ... is missing", and the evidence since the last snapshot was lost (5 of 6 runs of a short
     * program). With a destination, JFR's hook writes the recording itself, before it deletes anything. The
     * destination is a file of its own because JFR appends to it, and it must exist then.
     */
    private void prepareExitEvidence() {
        Recording recording = streamRecording;
        if (recording == null) {
            return;
        }
        try {
            recording.setDestination(exitFile); // JFR creates it now, empty
            recording.setDumpOnExit(true);
            PrivateFiles.restrict(exitFile);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Leakwatch: no evidence will be written at exit to {}", exitFile, e);
        }
    }

    /**
     * Writes the evidence while the JVM exits: JFR's shutdown hook stops the stream's recording, which writes it to
     * its destination (and makes the JVM emit its last old-object samples into it), then closes it; then the file
     * becomes the evidence. The monitor must not stop the recording itself: between stopping it and writing it out,
     * {@code Recording.stop()} lets go of the recorder's lock, and JFR's hook, finding the recording no longer
     * running, deleted the chunk files in that gap (1 run in 6).
     */
    private void writeEvidenceAtExit() {
        synchronized (dumpLock) {
            Recording recording = streamRecording;
            if (closed || recording == null || !Files.exists(exitFile)) {
                return;
            }
            try {
                if (awaitClosed(recording) && Files.size(exitFile) > 0) {
                    PrivateFiles.replace(exitFile, evidenceFile);
                } else {
                    LOG.warn("Leakwatch: JFR did not write the evidence recording at exit; {} holds the last"
                            + " snapshot", evidenceFile);
                }
            } catch (IOException e) {
                LOG.warn("Leakwatch: cannot write the evidence recording {} at exit ({})", evidenceFile, e.toString());
            } finally {
                deleteQuietly(exitFile);
            }
        }
    }

    /** Closing before exit: the evidence is written already, and JFR need not write it again. */
    private void withoutExitEvidence() {
        try {
            if (streamRecording != null && streamRecording.getState() == RecordingState.RUNNING) {
                streamRecording.setDestination(null);
            }
        } catch (IOException | IllegalStateException e) {
            LOG.debug("Leakwatch: cannot clear the recording's destination", e);
        }
        deleteQuietly(exitFile);
    }

    /** Waits until JFR has written and closed the recording; false if that takes too long (a failed write). */
    private static boolean awaitClosed(Recording recording) {
        long deadline = System.nanoTime() + EXIT_WRITE_TIMEOUT.toNanos();
        // getState() takes the recorder's lock, which JFR holds while it writes the recording out.
        while (recording.getState() != RecordingState.CLOSED) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Leakwatch: cannot delete {}", file, e);
        }
    }

    private void activeSteps() {
        Analysis analysis = latest;
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
                LOG.debug("Leakwatch: heap inspection took {} ms", cost.toMillis());
            } else if (chainSnapshotDue(analysis, now)) {
                lastChainNanos = now;
                Duration cost = chainSnapshot();
                activeNanosSpent += cost.toNanos();
                LOG.debug("Leakwatch: reference-chain snapshot took {} ms", cost.toMillis());
            }
        } catch (IllegalStateException e) {
            inspectionsUnavailable = true;
            LOG.warn("Leakwatch: heap inspections are off: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Leakwatch: an active step failed", e);
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
     * sample with its chain, to every running recording, the monitor's stream included (DESIGN.md fact 1).
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

    private static Set<Long> recordingIds() {
        return FlightRecorder.getFlightRecorder().getRecordings().stream().map(Recording::getId)
                .collect(Collectors.toSet());
    }

    /** Waits until the stream's own recording runs, and returns it (null if it did not start in time). */
    private Recording awaitRecordingStart() {
        long deadline = System.nanoTime() + RECORDING_START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Recording started = FlightRecorder.getFlightRecorder().getRecordings().stream().filter(recording ->
                    streamRecordingIds.contains(recording.getId()) && recording.getState() == RecordingState.RUNNING)
                    .findFirst().orElse(null);
            if (started != null) {
                return started;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        LOG.warn("Leakwatch: the event stream took more than {} to start", RECORDING_START_TIMEOUT);
        return null;
    }

    private static void await(ExecutorService executor) {
        try {
            if (!executor.awaitTermination(THREAD_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Leakwatch: a monitor thread did not stop within {}", THREAD_STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until every thread the session started has ended: an executor counts as terminated while its worker
     * thread is still finishing (a test saw {@code leakwatch-notify} alive right after {@code awaitTermination}).
     */
    private void joinThreads() {
        long deadline = System.nanoTime() + THREAD_STOP_TIMEOUT.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (thread.isAlive()) {
                LOG.warn("Leakwatch: the thread {} did not stop within {}", thread.getName(), THREAD_STOP_TIMEOUT);
            }
        }
    }

    /** A factory of named daemon threads that the session remembers, to wait for them at close. */
    private ThreadFactory thread(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        };
    }
}
