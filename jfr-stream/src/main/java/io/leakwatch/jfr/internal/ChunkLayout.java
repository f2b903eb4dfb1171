package io.leakwatch.jfr.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * What a file holds at the level of JFR chunk headers, read before any event is parsed: {@code EventStream} stops
 * silently at the last complete chunk and says nothing about a non-JFR file (DESIGN.md fact 9), so the checks that
 * make an error precise are made here.
 *
 * <p>A chunk starts with the magic {@code FLR\0}, a major and minor version (2 bytes each) and the chunk's size in
 * bytes (8 bytes, big-endian); the next chunk follows at that offset.
 *
 * @param sizeBytes       the file's size
 * @param majorVersion    the first chunk's major format version
 * @param minorVersion    its minor version
 * @param completeChunks  chunks that end within the file
 * @param completeBytes   bytes up to the end of the last complete chunk
 * @param firstStartNanos the first chunk's start time in nanoseconds since the epoch, for ordering files
 */
public record ChunkLayout(long sizeBytes, int majorVersion, int minorVersion, int completeChunks, long completeBytes,
                          long firstStartNanos) {
    private static final int HEADER_BYTES = 40;
    private static final int MAGIC = 0x464c5200; // "FLR\0"
    private static final int GZIP_MAGIC = 0x1f8b;

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
            int chunks = 0;
            long position = 0;
            while (position < size) {
                header.clear();
                readFully(channel, header, position);
                if (header.position() < 16 || header.getInt(0) != MAGIC) {
                    break;
                }
                long chunkSize = header.getLong(8);
                if (chunkSize < HEADER_BYTES || position + chunkSize > size) {
                    break;
                }
                chunks++;
                position += chunkSize;
            }
            return new ChunkLayout(size, major, minor, chunks, position, firstStart);
        } catch (IOException e) {
            throw new UnreadableRecordingException("cannot be read: " + describe(e));
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
