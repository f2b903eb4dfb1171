package io.leakwatch.jfr.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Mutates the metadata and constant pools of a recording the way other JFR writers get them wrong: an emptied pool,
 * a wrong count, a type id or a reference that points nowhere, a string encoding byte out of range, an undefined
 * field type, a string index past the table, a checkpoint chain that ends early or loops, and random bytes inside
 * the metadata or a checkpoint. Every change keeps the byte length of what it changes (a varint is rewritten padded
 * to its old width), so the rest of the chunk stays where the headers say. Seeded: the same seed gives the same
 * cases.
 */
public final class StructureFuzzer {
    private final Random random;

    /** A mutated recording and what was changed, in words. */
    public record Case(byte[] bytes, String description) {
    }

    private interface Mutation {
        /** Applies itself to {@code bytes}, or returns null when the anatomy has no site for it. */
        String apply(byte[] bytes, ChunkAnatomy anatomy, Random random);
    }

    private static final List<Mutation> MUTATIONS = List.of(
            (bytes, anatomy, random) -> varint(bytes, anatomy, random, ChunkAnatomy.Kind.POOL_COUNT,
                    "emptied pool", site -> 0),
            (bytes, anatomy, random) -> varint(bytes, anatomy, random, ChunkAnatomy.Kind.POOL_COUNT,
                    "wrong pool count", site -> wrongCount(site, random)),
            (bytes, anatomy, random) -> varint(bytes, anatomy, random, ChunkAnatomy.Kind.POOL_TYPE_ID,
                    "pool type id that points nowhere", site -> unused(anatomy.typeIds(), site, random)),
            (bytes, anatomy, random) -> varint(bytes, anatomy, random, ChunkAnatomy.Kind.POOL_TYPE_ID,
                    "pool of another type", site -> pick(anatomy.poolTypeIds(), random)),
            (bytes, anatomy, random) -> varint(bytes, anatomy, random, ChunkAnatomy.Kind.CONSTANT_REFERENCE,
                    "reference that points nowhere", site -> max(site.length()) - random.nextInt(16)),
            (bytes, anatomy, random) -> varint(bytes, anatomy, random, ChunkAnatomy.Kind.CONSTANT_REFERENCE,
                    "reference to another entry", site -> random.nextInt(1 << Math.min(20, 7 * site.length()))),
            (bytes, anatomy, random) -> setByte(bytes, anatomy, random, ChunkAnatomy.Kind.STRING_ENCODING,
                    "pool string encoding out of range", 6 + random.nextInt(250)),
            (bytes, anatomy, random) -> setByte(bytes, anatomy, random, ChunkAnatomy.Kind.STRING_ENCODING,
                    "pool string of another encoding", random.nextInt(6)),
            (bytes, anatomy, random) -> setByte(bytes, anatomy, random, ChunkAnatomy.Kind.METADATA_STRING_ENCODING,
                    "metadata string encoding out of range", 6 + random.nextInt(250)),
            (bytes, anatomy, random) -> setByte(bytes, anatomy, random, ChunkAnatomy.Kind.METADATA_STRING_ENCODING,
                    "metadata string of another encoding", random.nextInt(6)),
            (bytes, anatomy, random) -> varint(bytes, anatomy, random, ChunkAnatomy.Kind.ARRAY_LENGTH,
                    "wrong array length", site -> wrongCount(site, random)),
            StructureFuzzer::undefinedFieldType,
            (bytes, anatomy, random) -> varint(bytes, anatomy, random, ChunkAnatomy.Kind.METADATA_STRING_INDEX,
                    "metadata string index out of range", site -> max(site.length()) - random.nextInt(4)),
            (bytes, anatomy, random) -> varint(bytes, anatomy, random, ChunkAnatomy.Kind.METADATA_STRING_INDEX,
                    "metadata string index to another string", site -> random.nextInt(1 << (7 * Math.min(2,
                            site.length())))),
            (bytes, anatomy, random) -> varint(bytes, anatomy, random, ChunkAnatomy.Kind.METADATA_ELEMENT_COUNT,
                    "wrong metadata element count", site -> wrongCount(site, random)),
            (bytes, anatomy, random) -> varint(bytes, anatomy, random, ChunkAnatomy.Kind.CHECKPOINT_DELTA,
                    "checkpoint chain cut", site -> 0),
            (bytes, anatomy, random) -> varint(bytes, anatomy, random, ChunkAnatomy.Kind.CHECKPOINT_DELTA,
                    "checkpoint chain bent", site -> random.nextBoolean() ? site.value() + 1 + random.nextInt(64)
                            : max(site.length()) - random.nextInt(1024)),
            (bytes, anatomy, random) -> randomBytes(bytes, anatomy, random, ChunkAnatomy.Kind.METADATA_BODY,
                    "random bytes in the metadata"),
            (bytes, anatomy, random) -> randomBytes(bytes, anatomy, random, ChunkAnatomy.Kind.CHECKPOINT_BODY,
                    "random bytes in a checkpoint"));

    public StructureFuzzer(long seed) {
        this.random = new Random(seed);
    }

    /** One mutated copy of {@code recording}, whose parts are {@code anatomy}. */
    public Case mutate(byte[] recording, ChunkAnatomy anatomy) {
        while (true) {
            byte[] bytes = recording.clone();
            String description = MUTATIONS.get(random.nextInt(MUTATIONS.size())).apply(bytes, anatomy, random);
            if (description != null) {
                return new Case(bytes, description);
            }
        }
    }

    private interface Value {
        long of(ChunkAnatomy.Site site);
    }

    private static String varint(byte[] bytes, ChunkAnatomy anatomy, Random random, ChunkAnatomy.Kind kind,
                                 String what, Value value) {
        ChunkAnatomy.Site site = site(anatomy, random, kind);
        if (site == null) {
            return null;
        }
        long written = Math.max(0, Math.min(value.of(site), max(site.length())));
        writeVarint(bytes, site.position(), site.length(), written);
        return String.format(Locale.ROOT, "%s: %s at byte %d of chunk %d, %d -> %d", what, kind, site.position(),
                site.chunk(), site.value(), written);
    }

    private static String setByte(byte[] bytes, ChunkAnatomy anatomy, Random random, ChunkAnatomy.Kind kind,
                                  String what, int value) {
        ChunkAnatomy.Site site = site(anatomy, random, kind);
        if (site == null) {
            return null;
        }
        bytes[site.position()] = (byte) value;
        return String.format(Locale.ROOT, "%s: byte %d of chunk %d, %d -> %d", what, site.position(), site.chunk(),
                site.value(), value);
    }

    private static String undefinedFieldType(byte[] bytes, ChunkAnatomy anatomy, Random random) {
        ChunkAnatomy.Site site = site(anatomy, random, ChunkAnatomy.Kind.METADATA_TYPE_ID_TEXT);
        if (site == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < site.length(); i++) {
            digits.append(random.nextBoolean() ? '9' : (char) ('0' + random.nextInt(10)));
        }
        for (int i = 0; i < site.length(); i++) {
            bytes[site.position() + i] = (byte) digits.charAt(i);
        }
        return String.format(Locale.ROOT, "undefined field type: type id text at byte %d of chunk %d -> %s",
                site.position(), site.chunk(), digits);
    }

    private static String randomBytes(byte[] bytes, ChunkAnatomy anatomy, Random random, ChunkAnatomy.Kind kind,
                                      String what) {
        ChunkAnatomy.Site site = site(anatomy, random, kind);
        if (site == null || site.length() <= 0) {
            return null;
        }
        List<Integer> changed = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            int at = site.position() + random.nextInt(site.length());
            bytes[at] = (byte) random.nextInt(256);
            changed.add(at);
        }
        return String.format(Locale.ROOT, "%s: bytes %s of chunk %d", what, changed, site.chunk());
    }

    private static ChunkAnatomy.Site site(ChunkAnatomy anatomy, Random random, ChunkAnatomy.Kind kind) {
        List<ChunkAnatomy.Site> sites = anatomy.sites(kind);
        return sites.isEmpty() ? null : sites.get(random.nextInt(sites.size()));
    }

    private static long wrongCount(ChunkAnatomy.Site site, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> site.value() + 1;
            case 1 -> Math.max(1, site.value() - 1);
            case 2 -> site.value() * 2 + 1;
            default -> max(site.length());
        };
    }

    private static long unused(java.util.Set<Long> used, ChunkAnatomy.Site site, Random random) {
        long limit = max(site.length());
        for (int i = 0; i < 100; i++) {
            long id = 1 + (long) (random.nextDouble() * limit);
            if (!used.contains(id)) {
                return id;
            }
        }
        return limit;
    }

    private static long pick(java.util.Set<Long> ids, Random random) {
        List<Long> list = new ArrayList<>(ids);
        list.sort(null);
        return list.isEmpty() ? 0 : list.get(random.nextInt(list.size()));
    }

    /** The largest value a varint of {@code length} bytes holds. */
    private static long max(int length) {
        return length >= 9 ? Long.MAX_VALUE : (1L << (7 * length)) - 1;
    }

    /** Writes {@code value} as a varint of exactly {@code length} bytes (padded with continuation bits). */
    public static void writeVarint(byte[] bytes, int position, int length, long value) {
        long rest = value;
        for (int i = 0; i < length; i++) {
            boolean last = i == length - 1;
            if (i == 8) {
                bytes[position + i] = (byte) rest;
            } else {
                bytes[position + i] = (byte) ((rest & 0x7f) | (last ? 0 : 0x80));
                rest >>>= 7;
            }
        }
    }
}
