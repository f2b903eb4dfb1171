package io.leakwatch.core;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.Random;
import java.util.function.IntConsumer;
import java.util.function.BiConsumer;

import static io.leakwatch.core.SyntheticRun.MB;
import static io.leakwatch.core.SyntheticRun.frame;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kinds outside the heap, decided by the live set's rules on their own series: leaks of each kind are
 * {@code LEAK} naming the code behind them, healthy programs of each kind never are, and a kind that is not
 * recorded has no say.
 */
class KindsVerdictTest {
    private static final AnalyzerConfig CONFIG = AnalyzerConfig.defaults();
    private static final String JOBS = "com.example.jobs.JobRunner";
    private static final List<StackFrame> EXECUTOR_STACK = List.of(frame("java.lang.Thread", "start", 798),
            frame("java.util.concurrent.ThreadPoolExecutor", "addWorker", 945),
            frame("java.util.concurrent.ThreadPoolExecutor", "execute", 1364), frame(JOBS, "submit", 31));
    private static final String LOADER = "com.example.plugin.PluginLoader";
    private static final String PLUGIN = "com.example.plugin.Plugin";
    private static final List<StackFrame> DEFINE_STACK = List.of(frame("java.lang.ClassLoader", "defineClass1", -1),
            frame("java.lang.ClassLoader", "defineClass", 1017), frame(LOADER, "loadClass", 40),
            frame("java.lang.ClassLoader", "loadClass", 525), frame("com.example.plugin.PluginHost", "reload", 22));
    private static final List<StackFrame> BUFFER_STACK = List.of(frame("com.example.net.FrameCache", "put", 17),
            frame("com.example.net.Server", "handle", 50));

    @Test
    void threadsStartedAndNeverEndedAreALeakNamingTheirStartAndNamePattern() {
        SyntheticRun run = flatHeap(180, 1, (r, s) -> {
            if (s % 2 == 0) {
                r.threadStart(s, 1000 + s, "pool-" + s / 2 + "-thread-1", EXECUTOR_STACK).threads(s + 0.1, 20 + s / 2);
            }
        });

        Analysis analysis = run.analyze(CONFIG);

        assertThat(analysis.verdict()).as(analysis.reason()).isEqualTo(Verdict.LEAK);
        assertThat(analysis.findings().get(0).rule()).isEqualTo(Rule.KIND_GROWS);
        assertThat(analysis.findings().get(0).kind()).isEqualTo(LeakKind.THREADS);
        assertThat(analysis.findings()).extracting(Finding::rule).contains(Rule.KIND_CODE_NAMED);
        LeakCandidate top = analysis.topCandidate();
        assertThat(top.kind()).isEqualTo(LeakKind.THREADS);
        assertThat(top.namePattern()).isEqualTo("pool-*-thread-*");
        assertThat(top.firstApplicationFrame().typeName()).isEqualTo(JOBS);
        assertThat(top.growthInstancesPerMinute()).isCloseTo(30, org.assertj.core.data.Offset.offset(3.0));
        assertThat(analysis.reason()).startsWith("The live-thread count grew by 30 threads/min")
                .contains("threads named pool-*-thread-*, started from " + JOBS + ".submit:31, never end");
        KindReport threads = analysis.kind(LeakKind.THREADS, "threads").orElseThrow();
        assertThat(threads.verdict()).isEqualTo(Verdict.LEAK);
        assertThat(threads.points()).isNotEmpty();
    }

    @Test
    void aPoolThatGrewToItsBoundIsNoLeak() {
        SyntheticRun run = flatHeap(300, 2, (r, s) -> {
            if (s >= 40 && s < 72) {
                r.threadStart(s, 100 + s, "worker-" + (s - 40), EXECUTOR_STACK);
            }
            if (s % 2 == 0) {
                r.threads(s + 0.1, 20 + Math.max(0, Math.min(32, s - 40)));
            }
        });

        List<Verdict> along = run.verdictsAfter(CONFIG, 0, 2);
        Analysis analysis = run.analyze(CONFIG);

        assertThat(analysis.kind(LeakKind.THREADS, "threads").orElseThrow().findings()).extracting(Finding::rule)
                .containsExactly(Rule.KIND_LEVELLED_OFF);
        assertThat(analysis.verdict()).as(analysis.reason()).isEqualTo(Verdict.NO_LEAK);
        assertThat(along.subList(along.size() / 2, along.size())).doesNotContain(Verdict.LEAK);
    }

    @Test
    void classLoadersThatOutliveClassUnloadingAreALeakNamingLoaderClassesAndDefiningCode() {
        SyntheticRun run = new SyntheticRun();
        // A start-up of 10,000 classes, each defined once by the application's loader.
        for (int i = 0; i < 10_000; i++) {
            run.define(i * 0.0001, "com.example.app.Type" + i, 99_999, "jdk.internal.loader.ClassLoaders$AppClassLoader",
                    List.of());
        }
        // A plugin reloaded every second; every old loader stays reachable.
        metaspaceRisingOneLoaderASecond(run, s -> run.define(s, PLUGIN, s, LOADER, DEFINE_STACK)
                .define(s, PLUGIN + "$Task", s, LOADER, DEFINE_STACK));

        Analysis analysis = run.analyze(CONFIG);

        assertThat(analysis.verdict()).as(analysis.reason()).isEqualTo(Verdict.LEAK);
        LeakCandidate top = analysis.topCandidate();
        assertThat(top.kind()).isEqualTo(LeakKind.CLASS_METADATA);
        assertThat(top.objectType()).isEqualTo(LOADER);
        assertThat(top.growingTypes()).contains(PLUGIN, PLUGIN + "$Task");
        assertThat(top.firstApplicationFrame().toString()).isEqualTo("com.example.plugin.PluginHost.reload:22");
        assertThat(analysis.reason()).startsWith("Metaspace grew by 6.0 MB/min")
                .contains("class loaders of type " + LOADER + " accumulate");
    }

    @Test
    void theJdksOwnReflectionLoadersAccumulatingNameNoCode() {
        // JDK 17 makes a loader per inflated reflection accessor; a service warming up keeps making them.
        String accessorLoader = "jdk.internal.reflect.DelegatingClassLoader";
        SyntheticRun run = new SyntheticRun();
        metaspaceRisingOneLoaderASecond(run, s -> run.define(s, "jdk.internal.reflect.GeneratedMethodAccessor" + s,
                s, accessorLoader, List.of()));

        Analysis analysis = run.analyze(CONFIG);

        assertThat(analysis.verdict()).as(analysis.reason()).isNotEqualTo(Verdict.LEAK);
    }

    @Test
    void aHotReloadWhoseOldLoadersAreUnloadedIsNeverALeak() {
        SyntheticRun run = new SyntheticRun();
        Random random = new Random(4);
        for (int s = 0; s <= 300; s++) {
            run.define(s, PLUGIN, s, LOADER, DEFINE_STACK);
            // Dead loaders' classes pile up in metaspace until a full collection unloads them.
            long sinceFull = s % 40;
            run.metaspace(20 * MB + sinceFull * 100_000L, 0);
            if (s % 2 == 0) {
                run.young(s, 90 * MB, 30 * MB + (s % 20) * MB);
            }
            if (s % 40 == 39) {
                run.metaspace(20 * MB + (long) (random.nextGaussian() * 30_000), 0)
                        .full(s + 0.5, 70 * MB, 20 * MB + (long) (random.nextGaussian() * 300_000));
                for (int id = (int) (s - sinceFull); id < s; id++) {
                    run.unload(s + 0.6, PLUGIN, id);
                }
            }
        }

        List<Verdict> along = run.verdictsAfter(CONFIG, 30, 2);
        Analysis analysis = run.analyze(CONFIG);

        assertThat(along).doesNotContain(Verdict.LEAK);
        assertThat(analysis.kind(LeakKind.CLASS_METADATA, "metaspace").orElseThrow().verdict())
                .isNotEqualTo(Verdict.LEAK);
    }

    @Test
    void loadersKeptSinceStartUpDoNotNameMetaspaceThatGrowsForOtherReasons() {
        // 300 plugins loaded at start-up and kept, one reloaded with the old one dropped, and metaspace creeping up
        // by 1 MB/min for reasons of the JVM's own (lambda forms, generated accessors): no loader type explains it.
        SyntheticRun run = new SyntheticRun();
        Random random = new Random(10);
        for (int s = 0; s <= 600; s++) {
            run.metaspace(30 * MB + s * 16_000L + (s % 40) * 100_000L, 0);
            if (s % 2 == 0) {
                run.young(s, 90 * MB, 30 * MB + (s % 20) * MB);
            }
            if (s == 0) {
                for (int id = 0; id < 300; id++) {
                    run.define(s, PLUGIN, id, LOADER, DEFINE_STACK);
                }
            }
            run.define(s, PLUGIN, 1000 + s, LOADER, DEFINE_STACK);
            if (s % 40 == 39) {
                run.metaspace(30 * MB + s * 16_000L + (long) (random.nextGaussian() * 30_000), 0)
                        .full(s + 0.5, 70 * MB, 20 * MB + (long) (random.nextGaussian() * 300_000));
                for (int id = 1000 + s - 40; id < 1000 + s; id++) {
                    run.unload(s + 0.6, PLUGIN, id);
                }
            }
        }

        List<Verdict> along = run.verdictsAfter(CONFIG, 30, 5);
        Analysis analysis = run.analyze(CONFIG);

        assertThat(along).doesNotContain(Verdict.LEAK);
        KindReport metaspace = analysis.kind(LeakKind.CLASS_METADATA, "metaspace").orElseThrow();
        assertThat(metaspace.findings()).extracting(Finding::rule).contains(Rule.KIND_NOTHING_NAMED);
    }

    @Test
    void metaspaceRisingInEverySampleKeepsAFlatHeapFromNoLeakWhileUnloadingCollectionsAreFew() {
        SyntheticRun run = new SyntheticRun();
        for (int s = 0; s <= 180; s += 2) {
            run.metaspace(20 * MB + s * 100_000L, 0);
            run.young(s, 40 * MB, 20 * MB + (s % 10) * 100_000L);
            if (s == 40 || s == 150) {
                run.full(s + 1, 40 * MB, 20 * MB);
            }
        }

        Analysis analysis = run.analyze(CONFIG);

        assertThat(analysis.verdict()).as(analysis.reason()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(analysis.findings().get(0).kind()).isEqualTo(LeakKind.CLASS_METADATA);
    }

    @Test
    void directBuffersThatAreNeverFreedAreALeakNamingTheirAllocationSite() {
        SyntheticRun run = flatHeap(180, 5, (r, s) -> {
            r.directAllocation(s, BUFFER_STACK);
            if (s % 2 == 0) {
                r.direct(s + 0.3, 10 + s, 8 * MB + s * 64_000L, 256 * MB);
            }
        });

        Analysis analysis = run.analyze(CONFIG);

        assertThat(analysis.verdict()).as(analysis.reason()).isEqualTo(Verdict.LEAK);
        LeakCandidate top = analysis.topCandidate();
        assertThat(top.kind()).isEqualTo(LeakKind.DIRECT_MEMORY);
        assertThat(top.firstApplicationFrame().toString()).isEqualTo("com.example.net.FrameCache.put:17");
        KindReport direct = analysis.kind(LeakKind.DIRECT_MEMORY, "direct memory").orElseThrow();
        assertThat(direct.maxValue()).isEqualTo(256 * MB);
        assertThat(direct.projectedExhaustion()).isNotNull();
        assertThat(analysis.projectedExhaustion()).isEqualTo(direct.projectedExhaustion());
    }

    @Test
    void pooledDirectBuffersAreNoLeak() {
        SyntheticRun run = flatHeap(180, 6, (r, s) -> r.direct(s + 0.3, 64, 64 * MB, 256 * MB));

        Analysis analysis = run.analyze(CONFIG);

        assertThat(analysis.verdict()).as(analysis.reason()).isEqualTo(Verdict.NO_LEAK);
        assertThat(analysis.kind(LeakKind.DIRECT_MEMORY, "direct memory").orElseThrow().verdict())
                .isEqualTo(Verdict.NO_LEAK);
    }

    @Test
    void underGenerationalZgcOnlyAnExplicitCollectionMeasuresDirectMemory() {
        // A pool beside 400 KB/s of temporary buffers, as measured at e6d634c: proactive major collections leave the
        // dead temporaries in place (direct memory climbs 0.75 MB every 2 s across them), System.gc() frees them.
        // The explicit ones came from heap inspections, 15-26 s apart (19, 34, 60, 75 s, ...); proactive ones between.
        Set<Integer> explicit = new HashSet<>(List.of(19, 34, 60));
        Set<Integer> proactive = new HashSet<>(List.of(4, 12, 29, 43, 50, 57));
        for (int s = 75; s <= 240; s += 15) {
            explicit.add(s);
            proactive.add(s + 7);
        }
        SyntheticRun run = new SyntheticRun();
        int lastExplicit = 0;
        for (int s = 1; s <= 240; s++) {
            if (explicit.contains(s)) {
                run.gc(s, GcKind.OLD, "ZGC Major", "System.gc()", 40 * MB, 20 * MB);
                lastExplicit = s;
            } else if (proactive.contains(s)) {
                run.gc(s, GcKind.OLD, "ZGC Major", "Proactive", 40 * MB, 20 * MB);
            } else {
                run.gc(s, GcKind.YOUNG, "ZGC Minor", 40 * MB, 21 * MB);
            }
            run.directAllocation(s + 0.2, BUFFER_STACK); // the temporaries' site, which names the code
            if (s % 2 == 0) {
                run.direct(s + 0.5, 64 + 100L * (s - lastExplicit), 4 * MB + 375_000L * (s - lastExplicit), 256 * MB);
            }
        }

        assertThat(run.verdictsAlongTheWay(CONFIG, 1)).doesNotContain(Verdict.LEAK);
        assertThat(run.analyze(CONFIG).kind(LeakKind.DIRECT_MEMORY, "direct memory").orElseThrow().verdict())
                .isEqualTo(Verdict.NO_LEAK);
    }

    @Test
    void aGrowingNativeCategoryIsALeakNamedByItsCategoryWhileTheJitWarmingUpIsNot() {
        Random random = new Random(7);
        SyntheticRun run = flatHeap(240, 7, (r, s) -> {
            if (s % 2 == 0) {
                r.direct(s, 10, 4 * MB, 256 * MB);
                r.nativeMemory(s + 0.1, "Other", 4 * MB + 2 * MB + s * 100_000L);
                // Compiled code fills fast at first, then levels off.
                r.nativeMemory(s + 0.1, "Code", (long) (10 * MB + 20 * MB * (1 - Math.exp(-s / 20.0))
                        + random.nextGaussian() * 200_000));
                r.nativeMemory(s + 0.1, "Java Heap", 50 * MB + s * MB);
            }
        });

        Analysis analysis = run.analyze(CONFIG);

        assertThat(analysis.verdict()).as(analysis.reason()).isEqualTo(Verdict.LEAK);
        LeakCandidate top = analysis.topCandidate();
        assertThat(top.kind()).isEqualTo(LeakKind.NATIVE_MEMORY);
        assertThat(top.objectType()).isEqualTo("Other");
        assertThat(analysis.kind(LeakKind.NATIVE_MEMORY, "Code").orElseThrow().verdict()).isNotEqualTo(Verdict.LEAK);
        assertThat(analysis.kind(LeakKind.NATIVE_MEMORY, "Java Heap")).isEmpty();
        assertThat(analysis.reason()).startsWith("Native memory of category Other grew by 6.0 MB/min");
    }

    @Test
    void kindsThatWereNotRecordedHaveNoSayAndSayWhatTheyNeed() {
        Analysis analysis = flatHeap(180, 8).analyze(CONFIG);

        assertThat(analysis.verdict()).as(analysis.reason()).isEqualTo(Verdict.NO_LEAK);
        assertThat(analysis.kinds()).extracting(KindReport::kind).containsExactly(LeakKind.CLASS_METADATA,
                LeakKind.THREADS, LeakKind.DIRECT_MEMORY, LeakKind.NATIVE_MEMORY);
        assertThat(analysis.kinds()).allSatisfy(kind -> assertThat(kind.recorded()).isFalse());
        assertThat(analysis.kind(LeakKind.NATIVE_MEMORY, "").orElseThrow().note())
                .contains("-XX:NativeMemoryTracking=summary");
    }

    @Test
    void aKindThatGrowsWithNothingNamingItKeepsAFlatHeapFromNoLeak() {
        SyntheticRun run = flatHeap(180, 9, (r, s) -> r.threads(s + 0.1, 20 + s / 2));

        Analysis analysis = run.analyze(CONFIG);

        assertThat(analysis.verdict()).as(analysis.reason()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(analysis.findings()).extracting(Finding::rule).startsWith(Rule.KIND_GROWS,
                Rule.KIND_NOTHING_NAMED);
        assertThat(analysis.findings()).extracting(Finding::rule).contains(Rule.LIVE_SET_NOT_GROWING);
        assertThat(analysis.nextStep()).contains("jdk.ThreadStart");
    }

    @Test
    void theHeapsDecisionIsTheSameWithTheKindsBesideIt() {
        SyntheticRun leak = Scenarios.steadyLeak(300, 200_000, 1);
        Analysis alone = leak.analyze(CONFIG);
        for (double t = 0; t <= 300; t += 2) {
            leak.threads(t, 30).direct(t, 10, 4 * MB, 256 * MB);
        }

        Analysis beside = leak.analyze(CONFIG);

        assertThat(beside.verdict()).isEqualTo(alone.verdict()).isEqualTo(Verdict.LEAK);
        assertThat(beside.findings()).isEqualTo(alone.findings());
        assertThat(beside.topCandidate()).isEqualTo(alone.topCandidate());
    }

    /** Young collections every 2 s over a flat 20 MB live set, full collections every 10 s. */
    private static SyntheticRun flatHeap(int seconds, long seed) {
        return flatHeap(seconds, seed, (run, s) -> { });
    }

    /**
     * The flat heap, with {@code eachSecond} adding the kinds' events of each second before the heap's: events go
     * in in time order, as a recording holds them.
     */
    private static SyntheticRun flatHeap(int seconds, long seed, BiConsumer<SyntheticRun, Integer> eachSecond) {
        Random random = new Random(seed);
        SyntheticRun run = new SyntheticRun();
        for (int s = 0; s <= seconds; s++) {
            eachSecond.accept(run, s);
            if (s % 2 == 0) {
                run.young(s, 90 * MB, 30 * MB + (long) ((s % 10) * MB));
            }
            if (s % 10 == 4) {
                run.full(s + 0.5, 70 * MB, 20 * MB + (long) (random.nextGaussian() * 300_000));
            }
        }
        return run;
    }

    /**
     * 180 s in which {@code defineEachSecond} defines classes in a new loader every second and metaspace rises 100 kB
     * a second, measured by a full collection every 10 s; the heap stays flat.
     */
    private static void metaspaceRisingOneLoaderASecond(SyntheticRun run, IntConsumer defineEachSecond) {
        Random random = new Random(3);
        for (int s = 0; s <= 180; s++) {
            defineEachSecond.accept(s);
            long metaspace = 20 * MB + s * 100_000L;
            run.metaspace(metaspace + (s % 10) * 50_000L, 0);
            if (s % 2 == 0) {
                run.young(s, 90 * MB, 30 * MB + (s % 10) * MB);
            }
            if (s % 10 == 5) {
                run.metaspace(metaspace + (long) (random.nextGaussian() * 30_000), 0)
                        .full(s, 70 * MB, 20 * MB + (long) (random.nextGaussian() * 300_000));
            }
        }
    }
}
