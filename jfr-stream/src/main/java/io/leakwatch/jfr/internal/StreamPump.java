package io.leakwatch.jfr.internal;

import io.leakwatch.core.Analysis;
import io.leakwatch.core.Bytes;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.LeakKind;
import io.leakwatch.core.StackFrame;
import io.leakwatch.core.Verdict;
import io.leakwatch.core.json.AnalysisJson;
import io.leakwatch.jfr.internal.log.Log;
import jdk.jfr.consumer.EventStream;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The stream thread, {@code leakwatch-stream}: pumps the monitor's events from JFR's repository through the handlers
 * into the analyzer, analyses after each flush, and publishes the result: the latest {@link Analysis} (the one field
 * other threads read), {@code analysis.json}, a log line when the verdict or the top candidate changes, and the
 * change itself, which {@code onChange} hands to the worker. Everything else here is that thread's alone.
 */
final class StreamPump {
    /** Least time between two analyses: a flush arrives about every second (DESIGN.md fact 8). */
    private static final long ANALYSIS_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(900);
    /**
     * Least time between two rewrites of analysis.json when only statistics changed (a change of verdict or top
     * candidate is written at once). Writing it every 2 s took 0.6-2.2% of the process' CPU samples in the first 40
     * s of an allocation-heavy run, as much as the analysis itself (async-profiler, JDK 17 and 25).
     */
    private static final long JSON_PERIOD_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** A failure to write the output is logged again after this long, not at every attempt. */
    private static final long WARNING_PERIOD_NANOS = TimeUnit.MINUTES.toNanos(5);
    private static final Log LOG = Log.get();

    private final EventStream stream;
    private final FlushOrder order = new FlushOrder();
    private final AnalyzerFeed feed;
    private final Path analysisFile;
    private final Consumer<Analysis> onChange;
    private final Runnable afterEachFlush;
    private volatile Analysis latest;
    private volatile boolean closed;

    // Stream thread only.
    private long analyzedEvents = -1;
    private long lastAnalysisNanos;
    private long lastJsonNanos;
    private Verdict publishedVerdict;
    private String publishedTop;
    private long lastWriteWarningNanos = Long.MIN_VALUE / 2;

    /**
     * @param stream         a stream that does not reuse its events, not started
     * @param handlers       the handlers that feed {@code feed}
     * @param onChange       called on the stream thread with each analysis whose verdict or top candidate changed
     * @param afterEachFlush called on the stream thread after every flush, about once a second
     */
    StreamPump(EventStream stream, EventHandlers handlers, AnalyzerFeed feed, Path analysisFile,
               Consumer<Analysis> onChange, Runnable afterEachFlush) {
        this.stream = stream;
        // Unordered, and ordered here: the ordered stream's own array of 100,000 slots was a tenth of the monitor's
        // retained heap (FlushOrder).
        stream.setOrdered(false);
        handlers.registerOn(stream, order);
        this.feed = feed;
        this.analysisFile = analysisFile;
        this.onChange = onChange;
        this.afterEachFlush = afterEachFlush;
        stream.onFlush(this::afterFlush);
        stream.onError(error -> LOG.warn("the event stream reported an error", error));
    }

    /**
     * Starts the stream on a daemon thread of the monitor's own. {@code RecordingStream.startAsync()} would run it on
     * a thread that is not a daemon, which kept the JVM alive when nobody closed the monitor (seen with the agent).
     */
    void start(MonitorThreads threads) {
        threads.named("leakwatch-stream").newThread(() -> {
            try {
                stream.start();
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.error("the event stream stopped; leak monitoring is off", e);
                }
            } catch (Error e) {
                // The JDK's parser throws InternalError and others on malformed metadata or constant pools; the
                // analysis so far stays available from snapshot() and in the evidence already written.
                ParserFailures.rethrowIfFatal(e);
                if (!closed) {
                    LOG.warn("the JDK's parser failed on this JVM's own recording (" + e
                            + "); leak monitoring is off, the analysis so far is kept");
                }
            }
        }).start();
    }

    /** The latest analysis, or null before the first. Any thread. */
    Analysis latest() {
        return latest;
    }

    /** Stops the stream; its thread ends. */
    void close() {
        closed = true;
        stream.close();
    }

    /** After {@link #close()}: writes the last analysis out. */
    void writeLastAnalysis() {
        Analysis last = latest;
        if (last != null) {
            writeAnalysis(last);
        }
    }

    private void afterFlush() {
        order.dispatch(error -> LOG.warn("an event handler failed", error));
        feed.flush();
        afterEachFlush.run();
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
            log(analysis);
            onChange.accept(analysis);
        }
        if (changed || now - lastJsonNanos >= JSON_PERIOD_NANOS) {
            lastJsonNanos = now;
            writeAnalysis(analysis);
        }
    }

    private void log(Analysis analysis) {
        LeakCandidate top = analysis.topCandidate();
        if (analysis.verdict() == Verdict.LEAK && top != null && top.kind() != LeakKind.HEAP) {
            // Outside the heap the reason names the code itself (loaders, thread starts, allocation sites).
            LOG.warn("memory leak (" + top.kind().displayName() + "): " + analysis.reason() + " Details: "
                    + analysisFile);
        } else if (analysis.verdict() == Verdict.LEAK && top != null) {
            StackFrame frame = top.firstApplicationFrame();
            String heldBy = top.accumulationPoint() != null ? top.accumulationPoint().describe()
                    : top.referenceChain().isEmpty() ? "(no reference chain yet)"
                    : top.referenceChain().get(top.referenceChain().size() - 1).describe();
            LOG.warn("memory leak: " + top.objectType() + " grows" + (Double.isNaN(top.growthBytesPerMinute()) ? ""
                    : " " + Bytes.format(top.growthBytesPerMinute()) + "/min") + ", allocated at "
                    + (frame == null ? "(no allocation sample yet)" : frame) + ", held by " + heldBy + ". "
                    + analysis.reason() + " Details: " + analysisFile);
        } else {
            LOG.info(analysis.verdict() + ": " + analysis.reason());
        }
    }

    private void writeAnalysis(Analysis analysis) {
        try {
            PrivateFiles.writeAtomically(analysisFile, AnalysisJson.write(analysis));
        } catch (IOException | RuntimeException e) {
            long now = System.nanoTime();
            if (now - lastWriteWarningNanos >= WARNING_PERIOD_NANOS) {
                lastWriteWarningNanos = now;
                LOG.warn("cannot write " + analysisFile + " (" + e + "); monitoring goes on in memory");
            }
        }
    }
}
