package io.leakwatch.jfr.internal;

import jdk.jfr.Recording;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A program with field layouts on which the JVM's leak profiler names the wrong field (run in a child JVM by {@link
 * ChainDecodingTest}): an inherited instance field at the offset of one of the subclass's many static fields, a
 * static field at the offset of one of its class's many instance fields, and a linked list long enough that the JVM
 * leaves the middle of its chains out. It fills the structure named by its first argument ({@code inherited},
 * {@code static} or {@code linked}) while old-object samples are recorded, and writes them with paths to GC roots
 * to the file named by its second. Each structure holds arrays of its own length, which say which one a sample is in.
 */
public final class ChainShapes {
    static final int INHERITED_LENGTH = 2000;
    static final int STATIC_LENGTH = 2500;
    static final int LINKED_LENGTH = 1500;

    static final Holder INHERITED = new Holder();
    static Node deep;

    private ChainShapes() {
    }

    /** 160 bytes of instance fields before the list, so that its offset falls among the subclass's statics. */
    @SuppressWarnings("unused")
    static class Base {
        long a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19;
        final Map<Long, byte[]> other = new HashMap<>();
        final List<byte[]> inherited = new ArrayList<>();
    }

    @SuppressWarnings("unused")
    static final class Holder extends Base {
        static final String S0 = "s0", S1 = "s1", S2 = "s2", S3 = "s3", S4 = "s4", S5 = "s5", S6 = "s6", S7 = "s7";
        static final String S8 = "s8", S9 = "s9", S10 = "s10", S11 = "s11", S12 = "s12", S13 = "s13", S14 = "s14";
        static final String S15 = "s15", S16 = "s16", S17 = "s17", S18 = "s18", S19 = "s19", S20 = "s20";
        static long c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19;
        static Object o0, o1, o2, o3, o4, o5, o6, o7, o8, o9, o10, o11, o12, o13, o14, o15, o16, o17, o18, o19;
    }

    /** Forty instance fields declared before a static one, whose offset in the class mirror one of them shares. */
    @SuppressWarnings("unused")
    static final class ManyFields {
        Object f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19;
        Object f20, f21, f22, f23, f24, f25, f26, f27, f28, f29, f30, f31, f32, f33, f34, f35, f36, f37, f38, f39;
        static final List<byte[]> STATIC_LIST = new ArrayList<>();
    }

    static final class Node {
        Node next;
        byte[] value;
    }

    public static void main(String[] args) throws Exception {
        new ManyFields();
        try (Recording recording = new Recording()) {
            recording.enable("jdk.OldObjectSample").with("cutoff", "infinity").withStackTrace();
            recording.start();
            // 30,000 arrays of 1.5 to 2.5 kB (75 MB at most) among 8 kB of garbage each, over about 3 s.
            byte[][] garbage = new byte[64][];
            for (int i = 0; i < 30_000; i++) {
                switch (args[0]) {
                    case "inherited" -> INHERITED.inherited.add(new byte[INHERITED_LENGTH]);
                    case "static" -> ManyFields.STATIC_LIST.add(new byte[STATIC_LENGTH]);
                    case "linked" -> {
                        Node node = new Node();
                        node.value = new byte[LINKED_LENGTH];
                        node.next = deep;
                        deep = node;
                    }
                    default -> throw new IllegalArgumentException("no structure " + args[0]);
                }
                garbage[i % garbage.length] = new byte[8192];
                if (i % 100 == 0) {
                    Thread.sleep(1);
                }
            }
            System.gc(); // the JVM emits only samples allocated before the last collection
            recording.stop();
            recording.dump(Path.of(args[1]));
        }
    }
}
