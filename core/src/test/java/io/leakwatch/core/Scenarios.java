package io.leakwatch.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.leakwatch.core.SyntheticRun.MB;
import static io.leakwatch.core.SyntheticRun.array;
import static io.leakwatch.core.SyntheticRun.entry;
import static io.leakwatch.core.SyntheticRun.field;
import static io.leakwatch.core.SyntheticRun.frame;
import static io.leakwatch.core.SyntheticRun.sample;
import static io.leakwatch.core.SyntheticRun.staticField;

/**
 * Runs shaped like the ones measured in DESIGN.md fact 6 (G1, 256 MB heap): young collections every 2 s whose
 * after-GC heap climbs with promoted garbage, and collections that free the old generation now and then.
 */
final class Scenarios {
    static final String CUSTOMER = "com.example.shop.Customer";
    static final List<StackFrame> LEAK_STACK = List.of(frame(CUSTOMER, "<init>", 21),
            frame("com.example.shop.CustomerRegistry", "register", 40),
            frame("com.example.shop.Server", "handle", 88));
    static final List<ReferenceStep> LEAK_CHAIN = List.of(field(CUSTOMER, "data"),
            field("java.util.HashMap$Node", "value"), array("java.util.HashMap$Node[]", 17, 8192),
            field("java.util.HashMap", "table"), staticField("com.example.shop.CustomerRegistry", "ALL"));
    static final List<StackFrame> CHURN_STACK = List.of(frame("com.example.shop.Request", "<init>", 12),
            frame("com.example.shop.Server", "handle", 80));

    private Scenarios() {
    }

    /**
     * A steady leak: the live set grows {@code leakBytesPerSecond} on top of 20 MB; full collections every 20 s see
     * it with ±1 MB noise; a class histogram each minute shows Customer, long[] and HashMap$Node growing together;
     * old-object snapshots every 20 s show Customer data arriving and staying while request objects die.
     */
    static SyntheticRun steadyLeak(double seconds, double leakBytesPerSecond, long seed) {
        return lateLeak(seconds, 0, leakBytesPerSecond, seed);
    }

    /** The steady leak, starting only at {@code leakStart} seconds: a flat live set until then. */
    static SyntheticRun lateLeak(double seconds, double leakStart, double leakBytesPerSecond, long seed) {
        Random random = new Random(seed);
        SyntheticRun run = new SyntheticRun();
        List<ObjectSample> leaked = new ArrayList<>();
        for (double t = 2; t <= seconds; t += 2) {
            double leaking = Math.max(0, t - leakStart);
            long live = (long) (20 * MB + leakBytesPerSecond * leaking);
            long garbage = (long) ((t % 20) * 2 * MB);
            run.young(t, live + garbage + 60 * MB, live + garbage);
            if (t % 20 == 0) {
                run.full(t + 0.5, live + garbage + 10 * MB, live + (long) (random.nextGaussian() * MB));
            }
            if (t % 60 == 0) {
                // Each leaked customer holds 24 + 816 + 32 bytes: Customer, its long[] and the map node.
                long customers = (long) (leakBytesPerSecond * leaking / 872);
                run.histogram(t + 0.6, List.of(entry(CUSTOMER, customers, customers * 24),
                        entry("long[]", customers + 500, (customers + 500) * 816),
                        entry("java.util.HashMap$Node", customers + 100, (customers + 100) * 32),
                        entry("java.lang.String", 20_000 + random.nextInt(2000), 480_000 + random.nextInt(48_000)),
                        entry("byte[]", 30_000 + random.nextInt(3000), 9 * MB + random.nextInt(1_000_000))));
            }
            if (t % 10 == 0 && t > leakStart) {
                leaked.add(sample("long[]", t - 1, t, LEAK_STACK, LEAK_CHAIN));
            }
            if (t % 20 == 0) {
                List<ObjectSample> snapshot = new ArrayList<>();
                for (ObjectSample kept : leaked) {
                    snapshot.add(sample(kept.objectType(), seconds(kept), t, LEAK_STACK, LEAK_CHAIN));
                }
                snapshot.add(sample("com.example.shop.Request", t - 0.2, t, CHURN_STACK, List.of()));
                run.samples(snapshot);
            }
        }
        return run;
    }

    /** A cache that fills to {@code capacity} bytes in its first minutes, then only replaces entries. */
    static SyntheticRun boundedCache(double seconds, long capacity, double fillSeconds, long seed) {
        Random random = new Random(seed);
        SyntheticRun run = new SyntheticRun();
        List<ObjectSample> cached = new ArrayList<>();
        for (double t = 2; t <= seconds; t += 2) {
            long cache = (long) (capacity * Math.min(1, t / fillSeconds));
            long live = 20 * MB + cache;
            // Evicted entries were promoted before they died: after-young heap climbs far above the live set.
            long promotedGarbage = (long) ((t % 60) * 2.5 * MB);
            run.young(t, live + promotedGarbage + 60 * MB, live + promotedGarbage);
            if (t % 20 == 0) {
                run.full(t + 0.5, live + promotedGarbage, live + (long) (random.nextGaussian() * MB));
            }
            if (t % 60 == 0) {
                long entries = cache / 1000;
                run.histogram(t + 0.6, List.of(entry("com.example.Entry", entries, entries * 24),
                        entry("byte[]", entries + 100, (entries + 100) * 976)));
            }
            if (t % 10 == 0) {
                cached.add(sample("byte[]", t - 1, t, List.of(frame("com.example.LruCache", "put", 30)),
                        List.of(field("com.example.Entry", "value"), array("java.util.HashMap$Node[]", 3, 4096),
                                field("java.util.HashMap", "table"), staticField("com.example.LruCache", "MAP"))));
                if (cached.size() > 6) {
                    cached.remove(0); // evicted
                }
            }
            if (t % 20 == 0) {
                List<ObjectSample> snapshot = new ArrayList<>();
                for (ObjectSample kept : cached) {
                    snapshot.add(sample(kept.objectType(), seconds(kept), t, kept.allocationStack(),
                            kept.referenceChain()));
                }
                run.samples(snapshot);
            }
        }
        return run;
    }

    /**
     * A batch job: every {@code period} seconds it builds up to {@code batchBytes} of data, then drops it. A full
     * collection lands at a random moment of the batch, so live-set points jump up and down.
     */
    static SyntheticRun batchSawtooth(double seconds, long batchBytes, double period, long seed) {
        Random random = new Random(seed);
        SyntheticRun run = new SyntheticRun();
        for (double t = 1; t <= seconds; t += 1) {
            double phase = (t % period) / period;
            long live = 15 * MB + (long) (batchBytes * phase);
            long promoted = (long) (t % 60 * 1.5 * MB);
            run.young(t, live + promoted + 40 * MB, live + promoted);
            if (random.nextInt(15) == 0) {
                double at = t + random.nextDouble() * 0.9;
                double fullPhase = (at % period) / period;
                run.full(at, live + promoted, 15 * MB + (long) (batchBytes * fullPhase));
            }
        }
        return run;
    }

    /**
     * A leak of 2 MB/s that fills the heap: full collections every 10 s at first, then, as the heap fills, every
     * half second, all finding it full, until the run ends (as it would with an OutOfMemoryError).
     */
    static SyntheticRun leakIntoFullHeap(double seconds, long seed) {
        Random random = new Random(seed);
        SyntheticRun run = new SyntheticRun();
        long ceiling = SyntheticRun.MAX_HEAP - 6 * MB;
        double nextFull = 10;
        for (double t = 0.5; t <= seconds; t += 0.5) {
            long live = Math.min(ceiling, 20 * MB + (long) (2 * MB * t));
            boolean full = live > 0.85 * SyntheticRun.MAX_HEAP;
            if (t >= nextFull || full) {
                run.full(t, live + 2 * MB, live - (long) Math.abs(random.nextGaussian() * MB / 2));
                nextFull = t + 10;
            } else {
                run.young(t, live + 20 * MB, live + 5 * MB);
            }
            if (t % 15 == 0) {
                long customers = live / 872;
                run.histogram(t + 0.1, List.of(entry(CUSTOMER, customers, customers * 24),
                        entry("long[]", customers, customers * 816)));
            }
        }
        return run;
    }

    /**
     * A buffer that fills for {@code period} seconds and is then flushed whole, over and over: full collections
     * every 10 s see a sawtooth; class histograms every 30 s see its items rise and fall; old-object snapshots
     * every 10 s see items arrive and stay until the flush. The first flush comes at 40 s, right after warm-up.
     */
    static SyntheticRun flushedBuffer(double seconds, long bufferBytes, double period, long seed) {
        Random random = new Random(seed);
        SyntheticRun run = new SyntheticRun();
        List<ReferenceStep> chain = List.of(array("java.lang.Object[]", 10, 4096),
                field("java.util.ArrayList", "elementData"), staticField("com.example.Buffer", "ITEMS"));
        List<StackFrame> stack = List.of(frame("com.example.Buffer$Item", "<init>", 8));
        List<ObjectSample> buffered = new ArrayList<>();
        double offset = period - 40;
        for (double t = 1; t <= seconds; t += 1) {
            double phase = ((t + offset) % period) / period;
            if (phase < 1 / period) {
                buffered.clear(); // flushed
            }
            long buffer = (long) (bufferBytes * phase);
            long live = 20 * MB + buffer;
            run.young(t, live + 50 * MB, live + (long) (t % 20 * MB));
            if (t % 10 == 0) {
                run.full(t + 0.5, live + 10 * MB, live + (long) (random.nextGaussian() * MB));
                buffered.add(sample("com.example.Buffer$Item", t - 1, t, stack, chain));
                List<ObjectSample> snapshot = new ArrayList<>();
                for (ObjectSample item : buffered) {
                    snapshot.add(sample(item.objectType(), seconds(item), t, stack, chain));
                }
                run.samples(snapshot);
            }
            if (t % 30 == 0) {
                long items = buffer / 1000;
                run.histogram(t + 0.6, List.of(entry("com.example.Buffer$Item", items, items * 1000),
                        entry("byte[]", 30_000 + random.nextInt(3000), 9 * MB + random.nextInt(1_000_000))));
            }
        }
        return run;
    }

    /**
     * The live set is flat at 30 MB and old collections (G1 mixed phases ending in a full one) find it, while the
     * heap after young collections climbs between them with promoted garbage (DESIGN fact 6).
     */
    static SyntheticRun promotedGarbageOnly(double seconds, long seed) {
        Random random = new Random(seed);
        SyntheticRun run = new SyntheticRun();
        for (double t = 2; t <= seconds; t += 2) {
            long live = 30 * MB + (long) (random.nextGaussian() * 0.5 * MB);
            long promoted = (long) ((t % 40) * 3 * MB);
            run.young(t, live + promoted + 50 * MB, live + promoted);
            if (t % 40 == 0) {
                run.full(t + 0.5, live + promoted, live);
            }
        }
        return run;
    }

    /** Only young collections, whose after-GC heap rises: the case of a roomy G1 heap (DESIGN fact 6). */
    static SyntheticRun youngOnlyRising(double seconds) {
        SyntheticRun run = new SyntheticRun();
        for (double t = 2; t <= seconds; t += 2) {
            long after = 4 * MB + (long) (t * 1.5 * MB);
            run.young(t, after + 60 * MB, after);
        }
        return run;
    }

    private static double seconds(ObjectSample sample) {
        return (sample.allocationTime().toEpochMilli() - SyntheticRun.START.toEpochMilli()) / 1000.0;
    }

    static final String ORDER = "com.example.shop.Order";
    static final List<StackFrame> ORDER_STACK = List.of(frame(ORDER, "<init>", 9),
            frame("com.example.shop.Checkout", "place", 51));
    static final List<ReferenceStep> ORDER_CHAIN = List.of(array("java.lang.Object[]", 0, 20_000),
            field("java.util.ArrayList", "elementData"), staticField("com.example.shop.Checkout", "PLACED"));

    /**
     * A leak that kills its JVM within its warm-up: 4 MB/s into a 96 MB heap. Young collections every half second;
     * as the heap fills, full collections that find it ever fuller, the last ones at its ceiling. The JVM dies at
     * {@code seconds}, and the samples reach the file in one emission then, as JFR's dump at exit writes them:
     * orders allocated all along, held in one list, and request objects of the last second.
     */
    static SyntheticRun leakThatKillsItsJvmWithinTheWarmUp(double seconds, boolean chains) {
        long max = 96 * MB;
        SyntheticRun run = new SyntheticRun().maxHeap(max);
        for (double t = 0.5; t <= seconds; t += 0.5) {
            long live = Math.min(max - 2 * MB, 8 * MB + (long) (4 * MB * t));
            if (live > 0.8 * max) {
                run.gc(t, GcKind.FULL, "G1Full", max, live);
            } else {
                run.young(t, live + 20 * MB, live + 3 * MB);
            }
        }
        List<ObjectSample> emission = new ArrayList<>();
        for (double allocated = 0.7; allocated < seconds - 1; allocated += 0.9) {
            emission.add(sample(ORDER, allocated, seconds, ORDER_STACK, chains ? ORDER_CHAIN : List.of()));
        }
        emission.add(sample("com.example.shop.Request", seconds - 0.3, seconds, CHURN_STACK, List.of()));
        return run.samples(emission);
    }

    /**
     * A plain recording of a healthy or leaking service over {@code seconds} (JFR's profile settings: old-object
     * samples without chains, emitted once at the end, and G1 with a roomy heap that never runs an old
     * collection). The healthy service keeps a structure built in its first seconds and request objects that die
     * young; the leaking one also keeps an order every few seconds.
     */
    static SyntheticRun plainRecording(double seconds, boolean leaking) {
        SyntheticRun run = new SyntheticRun();
        for (double t = 2; t <= seconds; t += 2) {
            long retained = leaking ? (long) (t * 100_000) : 0;
            run.young(t, 100 * MB + retained, 30 * MB + retained + (long) (t * 50_000));
        }
        List<ObjectSample> emission = new ArrayList<>();
        for (double allocated = 1; allocated < 5; allocated += 0.25) {
            emission.add(sample("com.example.shop.Catalog$Item", allocated, seconds,
                    List.of(frame("com.example.shop.Catalog", "load", 20)), List.of()));
        }
        for (double allocated = seconds - 3; allocated < seconds; allocated += 0.2) {
            emission.add(sample("com.example.shop.Request", allocated, seconds, CHURN_STACK, List.of()));
        }
        if (leaking) {
            for (double allocated = 7; allocated < seconds; allocated += seconds / 40) {
                emission.add(sample(ORDER, allocated, seconds, ORDER_STACK, List.of()));
            }
        }
        return run.samples(emission);
    }
}
