package io.leakwatch.jfr.fuzz;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the parts of a recording's metadata and constant pools lie, byte by byte, so that a fuzzer can change one
 * of them precisely. It reads the format as the JDK's parser does (JDK 17 and 25 sources:
 * {@code jdk.jfr.internal.consumer.ChunkHeader}, {@code ChunkParser.fillConstantPools}, {@code MetadataReader},
 * {@code StringParser}, {@code ParserFactory}): integers are LEB128 varints (7 bits a byte, the 9th byte whole),
 * floats and doubles raw big-endian, bytes and booleans one byte; a string is an encoding byte (0 null, 1 empty,
 * 2 constant-pool key, 3 UTF-8 bytes, 4 chars as varints, 5 Latin-1 bytes) and its payload; the metadata event
 * (type id 0) holds a string table and a tree of elements ({@code class}, {@code field}, ...) whose attributes
 * index that table; each checkpoint event (type id 1) holds pools, each a type id, a count and that many entries
 * of a key and a value laid out by the type's fields.
 *
 * <p>A part it cannot follow (a writer's extension, a value it does not know) ends the reading of that chunk; the
 * sites found so far are kept.
 */
public final class ChunkAnatomy {
    private static final int HEADER_BYTES = 68;
    private static final int MAGIC = 0x464c5200;
    private static final int MAX_SITES_PER_KIND = 5_000;

    /** What a byte range of the file is. */
    public enum Kind {
        /** The number of entries of a pool. */
        POOL_COUNT,
        /** The type id a pool is for. */
        POOL_TYPE_ID,
        /** A pool entry's reference to an entry of another pool (a field marked constantPool). */
        CONSTANT_REFERENCE,
        /** The encoding byte of a string in a pool entry. */
        STRING_ENCODING,
        /** The length of an array in a pool entry. */
        ARRAY_LENGTH,
        /** The encoding byte of a string in the metadata's string table. */
        METADATA_STRING_ENCODING,
        /** The digits of a type id in the metadata's string table (a field's {@code class} attribute). */
        METADATA_TYPE_ID_TEXT,
        /** An index into the metadata's string table (an element's name, an attribute's key or value). */
        METADATA_STRING_INDEX,
        /** The number of attributes or children of a metadata element. */
        METADATA_ELEMENT_COUNT,
        /** A checkpoint event's distance to the previous one. */
        CHECKPOINT_DELTA,
        /** The whole payload of the metadata event, for random bytes. */
        METADATA_BODY,
        /** The whole of a checkpoint event, for random bytes. */
        CHECKPOINT_BODY
    }

    /**
     * One part: {@code length} bytes at {@code position} of the file, holding {@code value} (for varints and
     * bytes), in the chunk numbered {@code chunk} (from 1).
     */
    public record Site(Kind kind, int chunk, int position, int length, long value) {
    }

    private final byte[] bytes;
    private final Map<Kind, List<Site>> sites = new HashMap<>();
    private final Set<Long> typeIds = new HashSet<>();
    private final Set<Long> poolTypeIds = new HashSet<>();
    private int chunks;

    private ChunkAnatomy(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The parts of every chunk of a recording. */
    public static ChunkAnatomy of(byte[] recording) {
        ChunkAnatomy anatomy = new ChunkAnatomy(recording);
        ByteBuffer buffer = ByteBuffer.wrap(recording);
        int start = 0;
        while (start + HEADER_BYTES <= recording.length && buffer.getInt(start) == MAGIC) {
            long size = buffer.getLong(start + 8);
            if (size < HEADER_BYTES || size > recording.length - start) {
                break;
            }
            anatomy.chunks++;
            new ChunkReading(anatomy, start, (int) size, anatomy.chunks, buffer.getLong(start + 24),
                    buffer.getLong(start + 16)).read();
            start += (int) size;
        }
        return anatomy;
    }

    public List<Site> sites(Kind kind) {
        return sites.getOrDefault(kind, List.of());
    }

    public int chunks() {
        return chunks;
    }

    /** Type ids the metadata defines. */
    public Set<Long> typeIds() {
        return typeIds;
    }

    /** Type ids that have pools. */
    public Set<Long> poolTypeIds() {
        return poolTypeIds;
    }

    private void add(Kind kind, int chunk, int position, int length, long value) {
        List<Site> list = sites.computeIfAbsent(kind, k -> new ArrayList<>());
        if (list.size() < MAX_SITES_PER_KIND) {
            list.add(new Site(kind, chunk, position, length, value));
        }
    }

    /** A metadata type: its name and fields. */
    private record Type(long id, String name, List<Field> fields) {
    }

    private record Field(String name, long typeId, boolean array, boolean constantPool) {
    }

    private record Element(String name, Map<String, String> attributes, List<Element> children) {
    }

    /** The stop of a chunk's reading at a part this class cannot follow. */
    private static final class CannotFollow extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CannotFollow(String message) {
            super(message, null, false, false);
        }
    }

    private static final class ChunkReading {
        private final ChunkAnatomy anatomy;
        private final byte[] bytes;
        private final int start;
        private final int end;
        private final int chunk;
        private final long metadataOffset;
        private final long checkpointOffset;
        private final Map<Long, Type> types = new HashMap<>();
        private final List<String> strings = new ArrayList<>();
        /** Where each all-digit string of the table lies: {position, length}; null for others. */
        private final List<int[]> stringPayloads = new ArrayList<>();
        /** The payloads of the strings that a {@code class} attribute names a type id with. */
        private final Map<String, int[]> typeIdTexts = new HashMap<>();
        private int at;

        ChunkReading(ChunkAnatomy anatomy, int start, int size, int chunk, long metadataOffset,
                     long checkpointOffset) {
            this.anatomy = anatomy;
            this.bytes = anatomy.bytes;
            this.start = start;
            this.end = start + size;
            this.chunk = chunk;
            this.metadataOffset = metadataOffset;
            this.checkpointOffset = checkpointOffset;
        }

        void read() {
            try {
                metadata();
                pools();
            } catch (CannotFollow | ArrayIndexOutOfBoundsException | NumberFormatException e) {
                // The sites found before this point stay valid.
            }
        }

        private void metadata() {
            at = position(metadataOffset);
            int eventStart = at;
            long size = varint();
            varint(); // type id 0
            varint(); // start
            varint(); // duration
            varint(); // metadata id
            anatomy.add(Kind.METADATA_BODY, chunk, at, (int) Math.min(size - (at - eventStart), end - at), 0);
            int count = (int) varint();
            for (int i = 0; i < count; i++) {
                int encodingAt = at;
                anatomy.add(Kind.METADATA_STRING_ENCODING, chunk, encodingAt, 1, bytes[at]);
                stringPayloads.add(null);
                strings.add(string(i));
            }
            Element root = element();
            for (Element metadata : root.children()) {
                if (!metadata.name().equals("metadata")) {
                    continue;
                }
                for (Element type : metadata.children()) {
                    if (type.name().equals("class")) {
                        type(type);
                    }
                }
            }
            for (Map.Entry<String, int[]> digits : typeIdTexts.entrySet()) {
                int[] payload = digits.getValue();
                anatomy.add(Kind.METADATA_TYPE_ID_TEXT, chunk, payload[0], payload[1], 0);
            }
        }

        private void type(Element element) {
            long id = Long.parseLong(element.attributes().get("id"));
            List<Field> fields = new ArrayList<>();
            for (Element child : element.children()) {
                if (child.name().equals("field")) {
                    fields.add(new Field(child.attributes().get("name"),
                            Long.parseLong(child.attributes().get("class")),
                            "1".equals(child.attributes().get("dimension")),
                            child.attributes().get("constantPool") != null));
                }
            }
            types.put(id, new Type(id, element.attributes().get("name"), fields));
            anatomy.typeIds.add(id);
        }

        private Element element() {
            int nameIndex = stringIndex();
            int countAt = at;
            int attributes = (int) varint();
            anatomy.add(Kind.METADATA_ELEMENT_COUNT, chunk, countAt, at - countAt, attributes);
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < attributes; i++) {
                int key = stringIndex();
                int value = stringIndex();
                values.put(strings.get(key), strings.get(value));
                if (strings.get(key).equals("class") && stringPayloads.get(value) != null) {
                    typeIdTexts.put(strings.get(value), stringPayloads.get(value));
                }
            }
            countAt = at;
            int count = (int) varint();
            anatomy.add(Kind.METADATA_ELEMENT_COUNT, chunk, countAt, at - countAt, count);
            List<Element> children = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                children.add(element());
            }
            return new Element(strings.get(nameIndex), values, children);
        }

        private int stringIndex() {
            int indexAt = at;
            long index = varint();
            if (index < 0 || index >= strings.size()) {
                throw new CannotFollow("string index " + index);
            }
            anatomy.add(Kind.METADATA_STRING_INDEX, chunk, indexAt, at - indexAt, index);
            return (int) index;
        }

        /** A string of the metadata's table; {@code index} says where to note its payload, or -1. */
        private String string(int index) {
            int encoding = bytes[at++];
            switch (encoding) {
                case 0:
                    return null;
                case 1:
                    return "";
                case 3:
                case 5: {
                    int length = (int) varint();
                    if (length < 0 || at + length > end) {
                        throw new CannotFollow("string length " + length);
                    }
                    String text = new String(bytes, at, length,
                            encoding == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
                    if (index >= 0 && !text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
                        stringPayloads.set(index, new int[]{at, length});
                    }
                    at += length;
                    return text;
                }
                case 4: {
                    int length = (int) varint();
                    StringBuilder text = new StringBuilder();
                    for (int i = 0; i < length; i++) {
                        text.append((char) varint());
                    }
                    return text.toString();
                }
                default:
                    throw new CannotFollow("string encoding " + encoding);
            }
        }

        private void pools() {
            long delta = -1;
            int checkpoint = position(checkpointOffset);
            Set<Integer> seen = new HashSet<>();
            while (delta != 0 && seen.add(checkpoint)) {
                at = checkpoint;
                long size = varint();
                anatomy.add(Kind.CHECKPOINT_BODY, chunk, checkpoint, (int) Math.min(size, end - checkpoint), 0);
                if (varint() != 1) {
                    throw new CannotFollow("checkpoint type");
                }
                varint(); // start
                varint(); // duration
                int deltaAt = at;
                delta = varint();
                anatomy.add(Kind.CHECKPOINT_DELTA, chunk, deltaAt, at - deltaAt, delta);
                at++; // flags
                int pools = (int) varint();
                for (int i = 0; i < pools; i++) {
                    int typeAt = at;
                    long typeId = varint();
                    anatomy.add(Kind.POOL_TYPE_ID, chunk, typeAt, at - typeAt, typeId);
                    anatomy.poolTypeIds.add(typeId);
                    int countAt = at;
                    long count = varint();
                    anatomy.add(Kind.POOL_COUNT, chunk, countAt, at - countAt, count);
                    for (long entry = 0; entry < count; entry++) {
                        varint(); // key
                        value(typeId, false);
                    }
                }
                checkpoint = (int) (checkpoint + delta);
            }
        }

        private void value(long typeId, boolean constantPool) {
            if (constantPool) {
                int keyAt = at;
                long key = varint();
                anatomy.add(Kind.CONSTANT_REFERENCE, chunk, keyAt, at - keyAt, key);
                return;
            }
            Type type = types.get(typeId);
            if (type == null) {
                throw new CannotFollow("type " + typeId);
            }
            switch (type.name()) {
                case "int", "long", "short", "char" -> varint();
                case "float" -> at += 4;
                case "double" -> at += 8;
                case "boolean", "byte" -> at += 1;
                case "java.lang.String" -> {
                    anatomy.add(Kind.STRING_ENCODING, chunk, at, 1, bytes[at]);
                    if (bytes[at] == 2) {
                        at++;
                        varint();
                    } else {
                        string(-1);
                    }
                }
                default -> {
                    if (type.fields().isEmpty()) {
                        throw new CannotFollow("type without fields " + type.name());
                    }
                    for (Field field : type.fields()) {
                        if (field.array()) {
                            int lengthAt = at;
                            long length = varint();
                            anatomy.add(Kind.ARRAY_LENGTH, chunk, lengthAt, at - lengthAt, length);
                            for (long i = 0; i < length; i++) {
                                value(field.typeId(), field.constantPool());
                            }
                        } else {
                            value(field.typeId(), field.constantPool());
                        }
                    }
                }
            }
            if (at > end) {
                throw new CannotFollow("past the chunk");
            }
        }

        private int position(long offset) {
            if (offset < HEADER_BYTES || offset >= end - start) {
                throw new CannotFollow("offset " + offset);
            }
            return (int) (start + offset);
        }

        private long varint() {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                byte b = bytes[at++];
                value |= (b & 0x7fL) << (7 * i);
                if (b >= 0) {
                    return value;
                }
            }
            return value | (bytes[at++] & 0xffL) << 56;
        }
    }
}
