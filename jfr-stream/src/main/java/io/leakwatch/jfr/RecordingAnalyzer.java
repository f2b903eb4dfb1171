package io.leakwatch.jfr;

import io.leakwatch.core.Analyzer;
import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.jfr.internal.AnalyzerFeed;
import io.leakwatch.jfr.internal.ChunkLayout;
import io.leakwatch.jfr.internal.ChunkedFileReader;
import io.leakwatch.jfr.internal.EventHandlers;
import io.leakwatch.jfr.internal.UnreadableRecordingException;

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
 * chunk the JDK's parser fails on (with an {@code IOException}, or with the {@code InternalError}s and runtime
 * exceptions it throws on malformed metadata and constant pools) loses only itself, and the report names the chunk
 * and the cause in one line; a file that is not a readable recording is reported and skipped. Instances are not
 * thread-safe; use one per thread.
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
        readable.forEach(file -> handlers.learnFieldNames(file.file(), file.layout()));
        ChunkedFileReader reader = new ChunkedFileReader(handlers, feed);
        for (int i = 0; i < readable.size(); i++) {
            Readable file = readable.get(i);
            progress.reading(file.file(), i + 1, readable.size(), file.layout().sizeBytes());
            reports.add(read(file, reader));
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

    private static FileReport read(Readable file, ChunkedFileReader reader) {
        ChunkLayout layout = file.layout();
        ChunkedFileReader.Reading reading;
        try {
            reading = reader.read(file.file(), layout);
        } catch (IOException e) {
            return new FileReport(file.file(), FileReport.Status.UNREADABLE, 0, file.file() + " cannot be read: "
                    + ChunkLayout.describe(e) + ".");
        }
        List<String> problems = new ArrayList<>();
        for (ChunkedFileReader.ChunkFailure failure : reading.failures()) {
            ChunkLayout.Chunk chunk = failure.chunk();
            problems.add(String.format(Locale.ROOT, "chunk %d of %d (bytes %d to %d) %s", chunk.number(),
                    layout.completeChunks(), chunk.offsetBytes(), chunk.endBytes(), failure.cause()));
        }
        for (ChunkLayout.Chunk chunk : layout.chunks()) {
            if (chunk.unfinished() && reading.failures().stream().noneMatch(f -> f.chunk().equals(chunk))) {
                problems.add(String.format(Locale.ROOT, "chunk %d of %d was still being written (its JVM runs, or"
                        + " died before finishing it), so it was read up to its last flush", chunk.number(),
                        layout.completeChunks()));
            }
        }
        if (reading.eventsNotRead() > 0) {
            problems.add(String.format(Locale.ROOT, "%d events held values the analysis could not take and were"
                    + " skipped (the first: %s)", reading.eventsNotRead(), reading.firstEventError()));
        }
        if (reading.misreadEvents() > 0) {
            problems.add(String.format(Locale.ROOT, "its writer put the start time or duration of %s elsewhere than"
                    + " first, where the JDK's parser reads them, so their %d events would have nonsense times and"
                    + " were left out (JMC's flightrecorder.writer does this)", String.join(", ",
                    reading.misreadTypes()), reading.misreadEvents()));
        }
        if (layout.truncated()) {
            problems.add(String.format(Locale.ROOT, "it ends inside a chunk, so the last %d of its %d bytes (after"
                            + " %d complete chunks) were not read; the file was cut short or was still being written",
                    layout.sizeBytes() - layout.completeBytes(), layout.sizeBytes(), layout.completeChunks()));
        }
        if (problems.isEmpty()) {
            return new FileReport(file.file(), FileReport.Status.COMPLETE, reading.events(), "");
        }
        int chunksRead = layout.completeChunks() - reading.failures().size();
        boolean nothing = reading.events() == 0 && chunksRead == 0;
        String message = file.file() + (nothing ? " could not be read: " : " was read only in part: ")
                + String.join("; ", problems) + (nothing ? "." : String.format(Locale.ROOT,
                ". %d events were read from it.", reading.events()));
        return new FileReport(file.file(), nothing ? FileReport.Status.UNREADABLE : FileReport.Status.PARTIAL,
                reading.events(), message);
    }

    private static FileReport unreadable(Path path, String cause) {
        return new FileReport(path, FileReport.Status.UNREADABLE, 0, path + " " + cause + ".");
    }

    private record Readable(Path file, ChunkLayout layout) {
    }
}
