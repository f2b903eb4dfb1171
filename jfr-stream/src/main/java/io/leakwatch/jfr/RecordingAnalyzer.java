package io.leakwatch.jfr;

import io.leakwatch.core.Analyzer;
import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.jfr.internal.AnalyzerFeed;
import io.leakwatch.jfr.internal.ChunkLayout;
import io.leakwatch.jfr.internal.EventHandlers;
import io.leakwatch.jfr.internal.UnreadableRecordingException;
import jdk.jfr.consumer.EventStream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Analyses {@code .jfr} files with the engine the live monitor uses, so a recording of a monitored run gives the
 * verdict the monitor gave.
 *
 * <pre>{@code
 * RecordingAnalysis result = new RecordingAnalyzer().analyze(Path.of("leakwatch"));
 * System.out.println(result.analysis().verdict() + ": " + result.analysis().reason());
 * }</pre>
 *
 * <p>Each path may be a recording or a directory of them (a JFR repository of chunk files, or the monitor's output
 * directory); files are read in the order their first chunks started. Only the event types the analysis uses are
 * parsed. A file that is cut short yields the events of its complete chunks, and its {@link FileReport} says so; a
 * file that is not a readable recording is reported and skipped. Instances are not thread-safe; use one per thread.
 */
public final class RecordingAnalyzer {
    private final AnalyzerConfig config;
    private final Progress progress;
    private final boolean includeValues;

    /**
     * Hears which file is about to be read, for a progress display. Called on the thread that runs
     * {@link #analyze(Path...)}.
     */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param file  the file about to be read
         * @param index its position, from 1
         * @param count how many readable files there are
         * @param bytes its size
         */
        void reading(Path file, int index, int count, long bytes);
    }

    /** An analyzer with the default settings. */
    public RecordingAnalyzer() {
        this(AnalyzerConfig.defaults());
    }

    public RecordingAnalyzer(AnalyzerConfig config) {
        this(config, (file, index, count, bytes) -> { });
    }

    /** An analyzer that reports each file it starts reading. */
    public RecordingAnalyzer(AnalyzerConfig config, Progress progress) {
        this(config, progress, false);
    }

    /**
     * @param includeValues whether candidates carry an example of the JVM's description of their objects (a
     *                      string's contents, a collection's size); off by default, since it can hold application
     *                      data
     */
    public RecordingAnalyzer(AnalyzerConfig config, Progress progress, boolean includeValues) {
        this.config = config;
        this.progress = progress;
        this.includeValues = includeValues;
    }

    /**
     * Analyses the given recordings and directories of recordings as one run.
     *
     * @throws RecordingReadException when not a single event could be read: no path exists, or none holds a
     *                                readable recording; the message says why for each file
     */
    public RecordingAnalysis analyze(Path... paths) throws RecordingReadException {
        List<FileReport> reports = new ArrayList<>();
        List<Readable> readable = new ArrayList<>();
        for (Path path : paths) {
            collect(path, reports, readable);
        }
        readable.sort(Comparator.comparingLong((Readable r) -> r.layout().firstStartNanos())
                .thenComparing(r -> r.file().toString()));

        AnalyzerFeed feed = new AnalyzerFeed(new Analyzer(config));
        EventHandlers handlers = new EventHandlers(feed, includeValues);
        for (int i = 0; i < readable.size(); i++) {
            Readable file = readable.get(i);
            progress.reading(file.file(), i + 1, readable.size(), file.layout().sizeBytes());
            reports.add(read(file, feed, handlers));
        }
        feed.finish();
        boolean anyRead = reports.stream().anyMatch(r -> r.status() != FileReport.Status.UNREADABLE);
        if (!anyRead) {
            StringBuilder message = new StringBuilder("No recording could be read:");
            for (FileReport report : reports) {
                message.append(System.lineSeparator()).append("  ").append(report.message());
            }
            throw new RecordingReadException(message.toString());
        }
        return new RecordingAnalysis(feed.analyzer().analysis(), reports);
    }

    private static void collect(Path path, List<FileReport> reports, List<Readable> readable) {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> listing = Files.walk(path, 2)) {
                files = listing.filter(Files::isRegularFile)
                        .filter(p -> p.getFileName().toString().endsWith(".jfr")).sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                reports.add(unreadable(path, "cannot be listed: " + e.getMessage()));
                return;
            }
            if (files.isEmpty()) {
                reports.add(unreadable(path, "is a directory with no .jfr files in it"));
            }
            files.forEach(file -> check(file, reports, readable));
        } else if (!Files.exists(path)) {
            reports.add(unreadable(path, "does not exist"));
        } else {
            check(path, reports, readable);
        }
    }

    private static void check(Path file, List<FileReport> reports, List<Readable> readable) {
        try {
            ChunkLayout layout = ChunkLayout.of(file);
            if (layout.completeChunks() == 0) {
                reports.add(unreadable(file, String.format(Locale.ROOT, "holds no complete chunk (%d bytes; the"
                        + " recording was cut short before its first chunk was written out)", layout.sizeBytes())));
            } else {
                readable.add(new Readable(file, layout));
            }
        } catch (UnreadableRecordingException e) {
            reports.add(unreadable(file, e.getMessage()));
        }
    }

    private static FileReport read(Readable file, AnalyzerFeed feed, EventHandlers handlers) {
        long before = feed.events();
        String failure = null;
        try (EventStream stream = EventStream.openFile(file.file())) {
            handlers.registerOn(stream);
            stream.start();
        } catch (IOException e) {
            failure = "reading stopped: " + ChunkLayout.describe(e);
        } catch (RuntimeException e) {
            // The JDK's parser fails on some damaged or unusual files with runtime exceptions (a ClassCastException
            // on one corpus file); what was read before stays valid.
            failure = "the JDK's parser failed (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
        }
        long events = feed.events() - before;
        ChunkLayout layout = file.layout();
        if (failure != null) {
            return new FileReport(file.file(), events > 0 ? FileReport.Status.PARTIAL : FileReport.Status.UNREADABLE,
                    events, file.file() + (events > 0 ? " was read only in part: " : " ") + failure
                    + String.format(Locale.ROOT, " after %d events.", events));
        }
        if (layout.truncated()) {
            return new FileReport(file.file(), FileReport.Status.PARTIAL, events, String.format(Locale.ROOT,
                    "%s was read only in part: it ends inside a chunk, so the last %d of its %d bytes (after %d"
                            + " complete chunks) were not read; the file was cut short or was still being written.",
                    file.file(), layout.sizeBytes() - layout.completeBytes(), layout.sizeBytes(),
                    layout.completeChunks()));
        }
        return new FileReport(file.file(), FileReport.Status.COMPLETE, events, "");
    }

    private static FileReport unreadable(Path path, String cause) {
        return new FileReport(path, FileReport.Status.UNREADABLE, 0, path + " " + cause + ".");
    }

    private record Readable(Path file, ChunkLayout layout) {
    }
}
