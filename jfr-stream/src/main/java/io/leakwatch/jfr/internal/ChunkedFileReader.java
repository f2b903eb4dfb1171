package io.leakwatch.jfr.internal;

import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads one recording file into the analysis, so that a chunk the JDK's parser fails on loses only itself.
 *
 * <p>The JDK's parser throws not only {@code IOException}s: on malformed metadata or constant pools, as other JFR
 * writers produce them, it throws {@code InternalError} ("Pool java.lang.String must contain at least one
 * element"), {@code IllegalStateException}, {@code ClassCastException}, {@code IndexOutOfBoundsException}, ...;
 * and {@code EventStream} swallows the {@code IOException}s it meets while reading, ending the stream as if the file
 * ended there. So the file is first read whole, as fast as a plain {@code EventStream} (the normal case); how far it
 * got is told by the stream's flush actions, which run a number of times per chunk that {@link ChunkLayout} knows
 * from the chunk's checkpoint chain. When the stream stops short or throws, the chunk it stopped in is named, its
 * cause found (the exception, or for a swallowed one, a {@code RecordingFile} read of that chunk alone), and the
 * chunks after it are read from a private temporary copy: each JFR chunk is self-contained (its own metadata and
 * constant pools). Chunks whose header or checkpoint chain is unsound are never given to the JDK's parser.
 *
 * <p>{@code OutOfMemoryError}, {@code StackOverflowError} and {@code UnknownError} are not caught: they say nothing
 * about the file. {@code InternalError}, the JDK parser's answer to an empty pool, is a {@code VirtualMachineError}
 * too, and is caught.
 */
public final class ChunkedFileReader {
    private final EventHandlers handlers;
    private final AnalyzerFeed feed;

    /**
     * A chunk the JDK's parser could not read to its end, and why, in words completing "chunk N ..." ("could not
     * be read: the JDK's parser failed with ...", "has constant-pool events that point back to each other ...").
     */
    public record ChunkFailure(ChunkLayout.Chunk chunk, String cause) {
    }

    /**
     * What was read from a file.
     *
     * @param events           events of the analysed types delivered to the handlers
     * @param failures         the chunks that could not be read to their end, in file order
     * @param eventsNotRead    events the handlers could not take (an unexpected value in a field)
     * @param firstEventError  the first of those, in words, or null
     * @param misreadEvents    events left out because the JDK's parser misreads their type's fields (see
     *                         {@link MisreadEventTypes})
     * @param misreadTypes     the names of those types, sorted
     */
    public record Reading(long events, List<ChunkFailure> failures, long eventsNotRead, String firstEventError,
                          long misreadEvents, List<String> misreadTypes) {
        public Reading {
            failures = List.copyOf(failures);
            misreadTypes = List.copyOf(new TreeSet<>(misreadTypes));
        }
    }

    public ChunkedFileReader(EventHandlers handlers, AnalyzerFeed feed) {
        this.handlers = handlers;
        this.feed = feed;
    }

    /** Reads the complete chunks of {@code file}, whose layout is {@code layout}. */
    public Reading read(Path file, ChunkLayout layout) throws IOException {
        long before = feed.events();
        List<ChunkFailure> failures = new ArrayList<>();
        EventErrors eventErrors = new EventErrors();
        MisreadEventTypes misread = new MisreadEventTypes();
        Path scratch = null;
        try {
            List<List<ChunkLayout.Chunk>> runs = new ArrayList<>();
            List<ChunkLayout.Chunk> run = new ArrayList<>();
            for (ChunkLayout.Chunk chunk : layout.chunks()) {
                if (chunk.defect() != null) {
                    failures.add(new ChunkFailure(chunk, chunk.defect()));
                    runs.add(run);
                    run = new ArrayList<>();
                } else if (chunk.unfinished()) {
                    // Read alone from a copy marked finished: what its JVM had flushed is valid.
                    runs.add(run);
                    runs.add(List.of(chunk));
                    run = new ArrayList<>();
                } else {
                    run.add(chunk);
                }
            }
            runs.add(run);
            for (List<ChunkLayout.Chunk> chunks : runs) {
                List<ChunkLayout.Chunk> rest = chunks;
                while (!rest.isEmpty()) {
                    Path source;
                    if (rest.size() == layout.completeChunks() && !rest.get(0).unfinished()) {
                        source = file; // the JDK stops by itself at the end of the last complete chunk
                    } else {
                        scratch = scratch == null ? scratchDirectory() : scratch;
                        source = copy(file, rest, scratch);
                    }
                    Attempt attempt = stream(source, eventErrors, misread);
                    int stoppedIn = stoppedIn(rest, attempt);
                    if (stoppedIn < 0) {
                        break;
                    }
                    ChunkLayout.Chunk failed = rest.get(stoppedIn);
                    String cause;
                    if (attempt.thrown() != null) {
                        cause = "could not be read: the JDK's parser failed with "
                                + ParserFailures.describe(attempt.thrown());
                    } else {
                        scratch = scratch == null ? scratchDirectory() : scratch;
                        cause = causeOf(file, failed, scratch);
                    }
                    failures.add(new ChunkFailure(failed, cause));
                    rest = rest.subList(stoppedIn + 1, rest.size());
                }
            }
        } finally {
            if (scratch != null) {
                deleteTree(scratch);
            }
        }
        failures.sort(Comparator.comparingInt(failure -> failure.chunk().number()));
        return new Reading(feed.events() - before, failures, eventErrors.count, eventErrors.first, misread.refused(),
                List.copyOf(misread.types()));
    }

    private record Attempt(int flushes, Throwable thrown) {
    }

    private Attempt stream(Path source, EventErrors eventErrors, MisreadEventTypes misread) throws IOException {
        int[] flushes = {0};
        try (EventStream stream = EventStream.openFile(source)) {
            handlers.registerOn(stream, misread);
            stream.onFlush(() -> flushes[0]++);
            // Without an error action, the stream prints the stack trace of a handler's exception to stderr.
            stream.onError(eventErrors::add);
            stream.start();
            return new Attempt(flushes[0], null);
        } catch (RuntimeException | Error e) {
            ParserFailures.rethrowIfFatal(e);
            return new Attempt(flushes[0], e);
        }
        // An IOException comes only from opening the file: the stream keeps those it meets while reading.
    }

    /**
     * The index in {@code chunks} of the chunk the stream stopped in, or -1 when it read them all: the stream runs
     * its flush actions {@link ChunkLayout.Chunk#flushSegments()} times per chunk it reads to the end.
     */
    private static int stoppedIn(List<ChunkLayout.Chunk> chunks, Attempt attempt) {
        long expected = 0;
        for (int i = 0; i < chunks.size(); i++) {
            expected += chunks.get(i).flushSegments();
            if (attempt.flushes() < expected) {
                return i;
            }
        }
        return -1; // an exception after the last complete chunk came from the bytes after it: the cut-off tail
    }

    /** The cause of a stop the stream kept to itself: the chunk is read alone, with every event, until it fails. */
    private static String causeOf(Path file, ChunkLayout.Chunk chunk, Path scratch) throws IOException {
        Path alone = copy(file, List.of(chunk), scratch);
        try (RecordingFile recording = new RecordingFile(alone)) {
            while (recording.hasMoreEvents()) {
                recording.readEvent();
            }
        } catch (IOException | RuntimeException | Error e) {
            ParserFailures.rethrowIfFatal(e);
            return "could not be read: the JDK's parser failed with " + ParserFailures.describe(e)
                    + " (read alone, so positions count from the chunk's start)";
        } finally {
            Files.deleteIfExists(alone);
        }
        return "could not be read: the JDK's event stream stopped in it without giving a reason, though the chunk"
                + " reads alone";
    }

    /** A private directory for chunk copies: recordings hold class names, stack traces and heap figures. */
    private static Path scratchDirectory() throws IOException {
        try {
            return Files.createTempDirectory("leakwatch-chunks-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            return Files.createTempDirectory("leakwatch-chunks-");
        }
    }

    private static Path copy(Path file, List<ChunkLayout.Chunk> chunks, Path scratch) throws IOException {
        Path copy = Files.createTempFile(scratch, "chunks-" + chunks.get(0).number() + "-", ".jfr");
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            long from = chunks.get(0).offsetBytes();
            long count = chunks.get(chunks.size() - 1).endBytes() - from;
            long done = 0;
            while (done < count) {
                long moved = in.transferTo(from + done, count - done, out);
                if (moved <= 0) {
                    throw new IOException("the file shrank while it was read");
                }
                done += moved;
            }
            for (ChunkLayout.Chunk chunk : chunks) {
                if (chunk.unfinished()) {
                    out.write(ByteBuffer.wrap(new byte[1]), chunk.offsetBytes() - from + ChunkLayout.stateOffset());
                }
            }
        }
        return copy;
    }

    /** Deletes the copies; one that cannot be deleted now (a file system gone read-only) is deleted at exit. */
    private static void deleteTree(Path directory) {
        List<Path> paths;
        try (Stream<Path> files = Files.walk(directory)) {
            paths = files.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException | RuntimeException e) {
            directory.toFile().deleteOnExit();
            return;
        }
        for (Path path : paths) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                path.toFile().deleteOnExit();
            }
        }
    }

    /** Exceptions of handlers on events with unexpected values: counted, the first kept. */
    private static final class EventErrors {
        private long count;
        private String first;

        void add(Throwable error) {
            count++;
            if (first == null) {
                first = ParserFailures.describe(error);
            }
        }
    }
}
