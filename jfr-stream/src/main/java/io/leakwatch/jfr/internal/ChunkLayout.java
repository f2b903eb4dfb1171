package io.leakwatch.jfr.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a file holds at the level of JFR chunk headers and constant-pool chains, read before any event is parsed:
 * {@code EventStream} stops silently at the last complete chunk and says nothing about a non-JFR file (DESIGN.md
 * fact 9), so the checks that make an error precise are made here.
 *
 * <p>A chunk (JDK source: {@code jdk.jfr.internal.consumer.ChunkHeader}) starts with a 68-byte header: the magic
 * {@code FLR\0}, a major and minor version (2 bytes each), then big-endian longs: the chunk's size, the offsets in
 * the chunk of its last constant-pool (checkpoint) event and of its metadata event, its start time in nanoseconds
 * since the epoch, its duration, start ticks and ticks per second; at byte 64 its state (0 once it is finished).
 * The next chunk follows at the offset its size gives. Checkpoint events are chained backwards: each one holds the
 * distance to the previous one (LEB128 varints: size, type id 1, start, duration, delta, then a flags byte), the
 * first one a distance of 0.
 *
 * @param sizeBytes       the file's size
 * @param majorVersion    the first chunk's major format version
 * @param minorVersion    its minor version
 * @param chunks          the chunks that end within the file, in file order
 * @param completeBytes   bytes up to the end of the last complete chunk
 * @param firstStartNanos the first chunk's start time in nanoseconds since the epoch, for ordering files
 */
public record ChunkLayout(long sizeBytes, int majorVersion, int minorVersion, List<Chunk> chunks, long completeBytes,
                          long firstStartNanos) {
    static final int HEADER_BYTES = 68;
    private static final int MAGIC = 0x464c5200; // "FLR\0"
    private static final int GZIP_MAGIC = 0x1f8b;
    private static final int STATE_OFFSET = 64;
    private static final long CHECKPOINT_TYPE_ID = 1;
    /** Flag of a checkpoint that ends a flush segment (ChunkParser.CheckpointType.FLUSH). */
    private static final int FLUSH_FLAG = 1;
    /** Five varints of at most 9 bytes and the flags byte: the head of a checkpoint event. */
    private static final int CHECKPOINT_HEAD_BYTES = 5 * 9 + 1;
    /** The longest varint: a 64-bit value in 7-bit groups. */
    private static final int VARINT_BYTES = 10;
    /** A metadata event describes a few hundred types in tens of kilobytes; far more means a broken header. */
    private static final long MAX_METADATA_BYTES = 16L * 1024 * 1024;
    /** A chunk of a long recording holds one checkpoint per second or so; far more means a broken chain. */
    private static final int MAX_CHECKPOINTS = 1_000_000;

    /**
     * One complete chunk.
     *
     * @param number         its position in the file, from 1
     * @param offsetBytes    where it starts in the file
     * @param sizeBytes      its size
     * @param flushSegments  how many times an {@code EventStream} that reads it whole runs its flush actions: once
     *                       per checkpoint flagged as ending a flush segment, and once at the chunk's end (measured on
     *                       every file of shared/corpus with JDK 17 and 25)
     * @param unfinished     whether its header says its JVM had not finished it (a JFR repository's current
     *                       chunk, or a JVM that died): its header was last updated at its last flush, and
     *                       {@code EventStream} would wait for the rest forever
     * @param defect         why the JDK's parser must not be given this chunk (a chain of checkpoints that loops
     *                       would make it loop forever), in words completing "chunk N ..."; null when its header
     *                       and chain are sound
     * @param metadataOffsetBytes where its metadata event starts, from the chunk's start; -1 for a defective chunk
     */
    public record Chunk(int number, long offsetBytes, long sizeBytes, int flushSegments, boolean unfinished,
                        String defect, long metadataOffsetBytes) {
        public long endBytes() {
            return offsetBytes + sizeBytes;
        }
    }

    public ChunkLayout {
        chunks = List.copyOf(chunks);
    }

    /**
     * Whether the metadata of a sound chunk of {@code file} (the file this layout was read from) declares a type of
     * this ASCII name. JFR writes a metadata string's characters as varints, one byte each below 128, so the name's
     * bytes appear in the metadata event as they are (a longer name containing them also matches: then the answer is
     * a harmless yes). Reads the metadata events alone, tens of kilobytes each: telling whether a pass over the file
     * for one event type is worth it costs far less than the pass. A chunk that cannot be read declares nothing.
     */
    public boolean declares(Path file, String asciiName) {
        byte[] name = asciiName.getBytes(StandardCharsets.US_ASCII);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (Chunk chunk : chunks) {
                if (chunk.defect() == null && metadataDeclares(channel, chunk, name)) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private static boolean metadataDeclares(FileChannel channel, Chunk chunk, byte[] name) throws IOException {
        long at = chunk.offsetBytes() + chunk.metadataOffsetBytes();
        ByteBuffer head = ByteBuffer.allocate(VARINT_BYTES);
        head.limit((int) Math.min(VARINT_BYTES, chunk.endBytes() - at));
        readFully(channel, head, at);
        head.flip();
        long eventSize = new Varints(head).next();
        if (eventSize <= 0 || eventSize > Math.min(MAX_METADATA_BYTES, chunk.endBytes() - at)) {
            return false;
        }
        ByteBuffer metadata = ByteBuffer.allocate((int) eventSize);
        readFully(channel, metadata, at);
        byte[] bytes = metadata.array();
        int length = metadata.position();
        outer:
        for (int i = 0; i + name.length <= length; i++) {
            for (int j = 0; j < name.length; j++) {
                if (bytes[i + j] != name[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Chunks that end within the file. */
    public int completeChunks() {
        return chunks.size();
    }

    /** Whether bytes follow the last complete chunk (a file cut short, or a chunk still being written). */
    public boolean truncated() {
        return completeBytes < sizeBytes;
    }

    /**
     * Reads the chunk headers of a file.
     *
     * @throws UnreadableRecordingException with the cause in words when the file is not a recording this JDK can
     *                                      read
     */
    /** Where the state byte lies in a chunk's header: 0 once the chunk is finished. */
    public static long stateOffset() {
        return STATE_OFFSET;
    }

    public static ChunkLayout of(Path file) throws UnreadableRecordingException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UnreadableRecordingException("cannot be read: " + describe(e));
        }
        if (size == 0) {
            throw new UnreadableRecordingException("is empty (0 bytes); a JVM that died before its recording was"
                    + " dumped leaves such a file. Analyse the monitor's own recording in its output directory"
                    + " instead");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            readFully(channel, header, 0);
            if (header.position() >= 2 && (header.getShort(0) & 0xffff) == GZIP_MAGIC) {
                throw new UnreadableRecordingException("is gzip-compressed; decompress it first (gunzip -k "
                        + file.getFileName() + ")");
            }
            if (header.position() < 8 || header.getInt(0) != MAGIC) {
                throw new UnreadableRecordingException("is not a JFR recording (it does not start with the"
                        + " magic bytes FLR\\0)");
            }
            int major = header.getShort(4) & 0xffff;
            int minor = header.getShort(6) & 0xffff;
            if (major == 0) {
                throw new UnreadableRecordingException(String.format(Locale.ROOT, "is in JFR format %d.%d (JRockit"
                        + " / JDK 7), which is not supported; only format 1.x and 2.x (JDK 8u262 and later, JDK 9"
                        + " and later) can be read", major, minor));
            }
            if (major > 2) {
                throw new UnreadableRecordingException(String.format(Locale.ROOT, "is in JFR format %d.%d, newer"
                        + " than this JDK can read; analyse it with a newer JDK", major, minor));
            }
            long firstStart = header.position() >= 40 ? header.getLong(32) : 0;
            List<Chunk> chunks = new ArrayList<>();
            long position = 0;
            while (position < size) {
                header.clear();
                readFully(channel, header, position);
                if (header.position() < HEADER_BYTES || header.getInt(0) != MAGIC) {
                    break;
                }
                long chunkSize = header.getLong(8);
                if (chunkSize < HEADER_BYTES || chunkSize > size - position) {
                    break;
                }
                chunks.add(chunk(channel, header, chunks.size() + 1, position, chunkSize));
                position += chunkSize;
            }
            return new ChunkLayout(size, major, minor, chunks, position, firstStart);
        } catch (IOException e) {
            throw new UnreadableRecordingException("cannot be read: " + describe(e));
        }
    }

    private static Chunk chunk(FileChannel channel, ByteBuffer header, int number, long offset, long size)
            throws IOException {
        int major = header.getShort(4) & 0xffff;
        int minor = header.getShort(6) & 0xffff;
        if (major != 1 && major != 2) {
            return defective(number, offset, size, "is in JFR format %d.%d,"
                    + " which this JDK cannot read", major, minor);
        }
        // The JVM sets the state to 0 when it finishes the chunk; before, it counts flushes.
        boolean unfinished = header.get(STATE_OFFSET) != 0;
        long metadataOffset = header.getLong(24);
        if (metadataOffset < HEADER_BYTES || metadataOffset >= size) {
            return defective(number, offset, size, "has its metadata event at offset"
                    + " %d, outside the chunk (%d bytes)", metadataOffset, size);
        }
        long checkpointOffset = header.getLong(16);
        ByteBuffer head = ByteBuffer.allocate(CHECKPOINT_HEAD_BYTES);
        Set<Long> seen = new HashSet<>();
        int flushes = 0;
        long at = checkpointOffset;
        while (true) {
            if (at < HEADER_BYTES || at >= size) {
                return defective(number, offset, size, "has a constant-pool event"
                        + " at offset %d, outside the chunk (%d bytes)", at, size);
            }
            if (!seen.add(at) || seen.size() > MAX_CHECKPOINTS) {
                return defective(number, offset, size, "has constant-pool events"
                        + " that point back to each other (at offset %d)", at);
            }
            head.clear();
            head.limit((int) Math.min(CHECKPOINT_HEAD_BYTES, size - at));
            readFully(channel, head, offset + at);
            head.flip();
            Varints varints = new Varints(head);
            varints.next(); // size
            long typeId = varints.next();
            varints.next(); // start
            varints.next(); // duration
            long delta = varints.next();
            if (typeId != CHECKPOINT_TYPE_ID || !head.hasRemaining()) {
                return defective(number, offset, size, "has no constant-pool event"
                        + " at offset %d, where its chain of them leads", at);
            }
            if ((head.get() & FLUSH_FLAG) != 0) {
                flushes++;
            }
            if (delta == 0) {
                return new Chunk(number, offset, size, flushes + 1, unfinished, null, metadataOffset);
            }
            at += delta;
        }
    }

    /** A chunk the JDK's parser must not be given, and why, in words completing "chunk N ...". */
    private static Chunk defective(int number, long offset, long size, String format, Object... values) {
        return new Chunk(number, offset, size, 1, false, String.format(Locale.ROOT, format, values), -1);
    }

    /** LEB128 varints as the JDK reads them ({@code RecordingInput.readLong}): 7 bits a byte, the 9th byte whole. */
    private static final class Varints {
        private final ByteBuffer buffer;

        Varints(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        /** The next varint, or -1 when the buffer ends inside it. */
        long next() {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                if (!buffer.hasRemaining()) {
                    return -1;
                }
                byte b = buffer.get();
                value |= (b & 0x7fL) << (7 * i);
                if (b >= 0) {
                    return value;
                }
            }
            return buffer.hasRemaining() ? value | (buffer.get() & 0xffL) << 56 : -1;
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                return;
            }
            at += read;
        }
    }

    /** An I/O failure in words, without the path (callers name the file). */
    public static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        return switch (type) {
            case "NoSuchFileException" -> "no such file";
            case "AccessDeniedException" -> "permission denied";
            default -> e.getMessage() == null ? type : e.getMessage();
        };
    }
}
