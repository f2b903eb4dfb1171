package io.leakwatch.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static io.leakwatch.core.SyntheticRun.MB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AnalyzerVerdictTest {
    private static final AnalyzerConfig CONFIG = AnalyzerConfig.defaults();
    /** The short settings of the tests that run real JVMs, for synthetic runs of a minute. */
    private static final AnalyzerConfig SHORT = AnalyzerConfig.builder().warmUp(Duration.ofSeconds(5))
            .minObservation(Duration.ofSeconds(15)).build();

    @Test
    void steadyLeakSeenAtFullCollectionsIsReportedWithTheLeakingSiteFirst() {
        Analysis analysis = Scenarios.steadyLeak(600, 300_000, 1).analyze(CONFIG);

        assertThat(analysis.verdict()).isEqualTo(Verdict.LEAK);
        LeakCandidate top = analysis.topCandidate();
        assertThat(top.objectType()).isEqualTo(Scenarios.CUSTOMER);
        assertThat(top.growingTypes()).contains(Scenarios.CUSTOMER, "long[]", "java.util.HashMap$Node");
        assertThat(top.firstApplicationFrame().toString()).isEqualTo(Scenarios.CUSTOMER + ".<init>:21");
        assertThat(top.accumulationPoint().describe())
                .isEqualTo("HashMap (HashMap$Node[8192]) \u2190 static CustomerRegistry.ALL");
        assertThat(top.evidence()).extracting(Evidence::signal).contains(Evidence.Signal.LIVE_SET_GROWTH,
                Evidence.Signal.TYPE_GROWTH, Evidence.Signal.SITE_ACCUMULATION);
        // 300 kB/s is 18 MB/min; the Theil-Sen slope over noisy full-GC points must land close to it.
        assertThat(analysis.liveSet().trend().slopeBytesPerMinute()).isBetween(17.0 * MB, 19.0 * MB);
        assertThat(top.growthBytesPerMinute()).isBetween(16.0 * MB, 20.0 * MB);
        assertThat(analysis.liveSet().trend().timeToExhaustion()).isBetween(Duration.ofMinutes(2),
                Duration.ofMinutes(4));
        // Live set, type growth and site accumulation agree; the map's table kept its size, so no container growth.
        assertThat(top.confidence()).isCloseTo(0.9, within(1e-9));
        assertThat(analysis.findings()).extracting(Finding::rule).containsExactly(Rule.LIVE_SET_GROWS,
                Rule.CANDIDATE_EXPLAINS_GROWTH);
        Finding growth = analysis.finding(Rule.LIVE_SET_GROWS).orElseThrow();
        assertThat(growth.value("logBayesFactor")).isGreaterThanOrEqualTo(growth.threshold("logBayesFactor"));
        assertThat(growth.value("growthBytes")).isGreaterThanOrEqualTo(growth.threshold("growthBytes"));
        assertThat(analysis.reason()).contains("live set grew").contains(Scenarios.CUSTOMER);
    }

    @Test
    void aJdkTypeThatGrowsInObjectsOfAGrowingApplicationTypeConfirmsTheLeakFromInspections() {
        // Each RequestContext holds a byte[] it allocates; other byte[]s churn, so the two gain instances at
        // different rates (28,000 and 22,000 a minute) and the application type is 1.5% of the bytes.
        String context = "com.example.web.RequestContext";
        SyntheticRun run = new SyntheticRun();
        for (int t = 10; t <= 100; t += 10) {
            long contexts = 22_000L * t / 60;
            long arrays = 28_000L * t / 60;
            run.full(t, 200 * MB, 20 * MB + t * 400_000L);
            run.histogram(t, List.of(SyntheticRun.entry("byte[]", arrays, arrays * 850),
                    SyntheticRun.entry(context, contexts, contexts * 16),
                    SyntheticRun.entry("java.lang.String", 5_000, 120_000)));
        }
        List<StackFrame> stack = List.of(SyntheticRun.frame(context, "<init>", 49),
                SyntheticRun.frame("com.example.web.Handler", "handle", 35));
        List<ReferenceStep> chain = List.of(SyntheticRun.field(context, "payload"),
                SyntheticRun.field("java.lang.ThreadLocal$ThreadLocalMap$Entry", "value"));
        run.samples(List.of(SyntheticRun.sample("byte[]", 50, 100, stack, chain),
                SyntheticRun.sample("byte[]", 60, 100, stack, chain), SyntheticRun.sample("byte[]", 70, 100, stack,
                        chain)));

        Analysis analysis = run.analyze(CONFIG);

        assertThat(analysis.verdict()).as(analysis.reason()).isEqualTo(Verdict.LEAK);
        LeakCandidate top = analysis.topCandidate();
        assertThat(top.objectType()).isEqualTo(context);
        assertThat(top.status()).isEqualTo(LeakCandidate.Status.CONFIRMED);
        assertThat(top.growingTypes()).containsExactlyInAnyOrder("byte[]", context);
        assertThat(top.shareOfLiveSetGrowth()).isGreaterThan(0.9);
    }

    @Test
    void leakIsFoundWhateverTheNoiseSeed() {
        for (long seed = 1; seed <= 20; seed++) {
            Analysis analysis = Scenarios.steadyLeak(300, 200_000, seed).analyze(CONFIG);
            assertThat(analysis.verdict()).as("seed %d: %s", seed, analysis.reason()).isEqualTo(Verdict.LEAK);
            assertThat(analysis.topCandidate().objectType()).isEqualTo(Scenarios.CUSTOMER);
        }
    }

    @Test
    void leakThatStartsAfterHalfAnHourIsFoundWithinTwoMinutes() {
        // Thirty minutes flat, then 300 kB/s: the trend of all 80-odd points barely bends in two minutes, but the
        // latest points rise above everything before them.
        SyntheticRun run = Scenarios.lateLeak(1930, 1800, 300_000, 3);

        Analysis analysis = run.analyzeUntil(CONFIG, 1921);

        assertThat(analysis.verdict()).as(analysis.reason()).isEqualTo(Verdict.LEAK);
        assertThat(analysis.finding(Rule.LIVE_SET_GROWS).orElseThrow().value("points")).isLessThan(20);
        assertThat(analysis.liveSet().trend().from()).isAfter(SyntheticRun.at(1700));
        assertThat(analysis.topCandidate().firstApplicationFrame()).isEqualTo(Scenarios.LEAK_STACK.get(0));
        assertThat(run.analyzeUntil(CONFIG, 1790).verdict()).isEqualTo(Verdict.NO_LEAK);
    }

    @Test
    void leakThatHasFilledTheHeapStaysALeak() {
        // Seen in a real run that died of OutOfMemoryError: most full collections come at the end, all finding the
        // heap full; that flat end is the leak having run out of room, not levelling off.
        SyntheticRun run = Scenarios.leakIntoFullHeap(150, 2);

        assertThat(run.verdictsAfter(CONFIG, 90, 1)).containsOnly(Verdict.LEAK);
        Analysis analysis = run.analyzeUntil(CONFIG, 140);
        assertThat(analysis.topCandidate().objectType()).as(analysis.reason()).isEqualTo(Scenarios.CUSTOMER);
        // Pinned there for minutes, the trend flattens and the histograms stop growing, but it is no "no leak".
        Analysis pinned = Scenarios.leakIntoFullHeap(300, 2).analyze(CONFIG);
        assertThat(pinned.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(pinned.findings()).extracting(Finding::rule).first().isEqualTo(Rule.HEAP_EXHAUSTED);
    }

    @Test
    void aLiveSetCreepingUpFastButStillUnderMaterialGrowthIsNoNoLeak() {
        // A live ZGC run of a listener leak: nine old collections over 16 s rose 3.3 MB (12.5 MB/min, p = 0.005),
        // under the 4 MB that counts as material, and were called NO_LEAK.
        SyntheticRun run = new SyntheticRun().young(1, 40 * MB, 20 * MB);
        for (int i = 0; i < 9; i++) {
            double t = 31 + 2 * i;
            long live = 24 * MB + (long) (0.21 * MB * (t - 31)) + (i % 2 == 0 ? 150_000 : -150_000);
            run.gc(t, GcKind.OLD, "Z", live + 10 * MB, live);
        }

        Analysis analysis = run.analyze(AnalyzerConfig.builder().minObservation(Duration.ofSeconds(15)).build());

        assertThat(analysis.verdict()).as(analysis.reason()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(analysis.findings()).extracting(Finding::rule).containsExactly(Rule.LIVE_SET_MAY_GROW);
    }

    @Test
    void aSawtoothCaughtRisingByChanceInFiveInspectionsIsNoLeak() {
        // A live G1 run of a batch job (60 MB built and dropped every 4 s): five inspections at random phases came
        // out rising but once (Mann-Kendall p = 0.042), and their histograms, taken at the same moments, agreed.
        long[] megabytes = {20, 50, 35, 60, 75};
        SyntheticRun run = new SyntheticRun().young(1, 60 * MB, 20 * MB);
        for (int i = 0; i < megabytes.length; i++) {
            double t = 35 + 10 * i;
            run.full(t, (megabytes[i] + 20) * MB, megabytes[i] * MB)
                    .histogram(t + 0.01, List.of(SyntheticRun.entry("com.example.batch.Row", megabytes[i] * 1000,
                            (megabytes[i] - 15) * MB)));
        }

        Analysis rising = run.analyze(CONFIG);

        assertThat(rising.verdict()).as(rising.reason()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(rising.findings()).extracting(Finding::rule).doesNotContain(Rule.LIVE_SET_GROWS);
        // Rising on and on, 15 MB a step, the noise of the first five no longer explains it: a few more make the
        // evidence pass 1000:1. How many the noise costs is the point: a steadier rise needs fewer.
        int more = 0;
        Analysis risingOnAndOn = rising;
        while (risingOnAndOn.verdict() != Verdict.LEAK && more < 10) {
            more++;
            long level = 75 + 15 * more;
            double t = 75 + 10 * more;
            risingOnAndOn = run.full(t, (level + 20) * MB, level * MB).histogram(t + 0.01,
                    List.of(SyntheticRun.entry("com.example.batch.Row", level * 1000, (level - 15) * MB)))
                    .analyze(CONFIG);
        }
        assertThat(risingOnAndOn.verdict()).as(risingOnAndOn.reason()).isEqualTo(Verdict.LEAK);
        assertThat(more).as("rising inspections after the first five").isBetween(2, 5);
    }

    @Test
    void bufferFlushedEveryFewMinutesIsNeverALeakOnceAFlushHasBeenSeen() {
        // Its rising phases look like a leak, but they only climb back to earlier peaks. The first rise after the
        // warm-up (40 to 220 s) cannot be told from a leak yet: no drop has been seen before it; the flush at 220 s
        // counts once a second measurement (at 230 s) confirms it.
        for (long seed = 1; seed <= 5; seed++) {
            SyntheticRun run = Scenarios.flushedBuffer(1200, 60 * MB, 180, seed);

            assertThat(run.verdictsAfter(CONFIG, 40 + 180 + 11, 2)).as("seed %d", seed).doesNotContain(Verdict.LEAK);
            assertThat(run.analyze(CONFIG).verdict()).as("seed %d, after six flushes", seed)
                    .isEqualTo(Verdict.NO_LEAK);
        }
    }

    @Test
    void boundedCacheThatFillsThenSaturatesIsNeverALeak() {
        for (long seed = 1; seed <= 10; seed++) {
            SyntheticRun run = Scenarios.boundedCache(900, 80 * MB, 20, seed);
            assertThat(run.verdictsAlongTheWay(CONFIG, 7)).as("seed %d", seed).doesNotContain(Verdict.LEAK);
            Analysis end = run.analyze(CONFIG);
            assertThat(end.verdict()).as("seed %d: %s", seed, end.reason()).isEqualTo(Verdict.NO_LEAK);
            assertThat(end.candidates()).isEmpty();
        }
    }

    @Test
    void cacheThatFillsSlowlyIsNoLeakOnceItHasLevelledOff() {
        // While a cache fills for minutes its growth cannot be told from a leak's (README says so); once full for
        // long enough, the later half of the live-set points is flat and the verdict must say so.
        SyntheticRun run = Scenarios.boundedCache(1200, 80 * MB, 240, 2);
        Analysis end = run.analyze(CONFIG);

        assertThat(end.verdict()).as(end.reason()).isEqualTo(Verdict.NO_LEAK);
        assertThat(end.findings()).extracting(Finding::rule).containsExactly(Rule.LIVE_SET_LEVELLED_OFF);
    }

    @Test
    void batchSawtoothIsNeverALeak() {
        for (long seed = 1; seed <= 20; seed++) {
            SyntheticRun run = Scenarios.batchSawtooth(900, 90 * MB, 4, seed);
            assertThat(run.verdictsAlongTheWay(CONFIG, 11)).as("seed %d", seed).doesNotContain(Verdict.LEAK);
        }
        Analysis end = Scenarios.batchSawtooth(900, 90 * MB, 4, 3).analyze(CONFIG);
        assertThat(end.verdict()).as(end.reason()).isEqualTo(Verdict.NO_LEAK);
    }

    @Test
    void afterYoungHeapRisingBetweenFlatOldCollectionsIsNotALeak() {
        SyntheticRun run = Scenarios.promotedGarbageOnly(600, 5);
        assertThat(run.verdictsAlongTheWay(CONFIG, 5)).doesNotContain(Verdict.LEAK);
        Analysis analysis = run.analyze(CONFIG);
        assertThat(analysis.verdict()).as(analysis.reason()).isEqualTo(Verdict.NO_LEAK);
        assertThat(analysis.findings()).extracting(Finding::rule).containsExactly(Rule.LIVE_SET_NOT_GROWING);
    }

    @Test
    void aHeapChurningAtItsLimitProjectsNoExhaustionFromTheHeapAfterYoungCollections() {
        // Allocation churn under G1 at -Xmx256m: 25 young collections promote garbage from 72 to 247 MB, then a full
        // one frees it, about three times a second for three minutes (15,600 collections). The heap after
        // collections keeps one resolution over the run, so its trend spans the run and follows the flat live set;
        // merged from the latest seconds only, it rose by 1.4 GB/min between sawtooth peaks and projected exhaustion
        // in 3 s.
        SyntheticRun run = new SyntheticRun();
        Random random = new Random(7);
        for (int cycle = 0; cycle < 600; cycle++) {
            double start = cycle * 0.3; // the full collection's 80 ms pause ends before the next young one
            for (int young = 1; young <= 25; young++) {
                run.young(start + young * 0.007, 80 * MB + young * 7 * MB, 72 * MB + young * 7 * MB);
            }
            run.full(start + 0.19, 250 * MB, 72 * MB + (long) (random.nextGaussian() * 0.3 * MB));
        }

        Analysis analysis = run.analyze(CONFIG);

        assertThat(analysis.verdict()).as(analysis.reason()).isNotEqualTo(Verdict.LEAK);
        Trend envelope = analysis.liveSet().afterGcTrend();
        assertThat(envelope.from()).isBefore(SyntheticRun.at(40));
        assertThat(envelope.timeToExhaustion() == null
                || envelope.timeToExhaustion().compareTo(Duration.ofHours(1)) > 0).as("%s", envelope).isTrue();
        assertThat(analysis.projectedExhaustion() == null
                || analysis.projectedExhaustion().compareTo(Duration.ofHours(1)) > 0)
                .as("%s", analysis.projectedExhaustion()).isTrue();
    }

    @Test
    void onlyYoungCollectionsWithoutOtherEvidenceIsInconclusiveAndSaysWhatWouldSettleIt() {
        Analysis analysis = Scenarios.youngOnlyRising(300).analyze(CONFIG);

        assertThat(analysis.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(analysis.findings()).extracting(Finding::rule).containsExactly(Rule.HEAP_AFTER_GC_RISES);
        assertThat(analysis.nextStep()).contains("heap inspections");
        assertThat(analysis.growthSuspected()).isTrue();
    }

    @Test
    void liveSetGrowthWithNothingToSayWhatGrowsIsInconclusive() {
        SyntheticRun run = new SyntheticRun();
        for (int t = 20; t <= 400; t += 20) {
            run.full(t, 200 * MB, 20 * MB + t * 200_000L);
        }
        Analysis analysis = run.analyze(CONFIG);

        assertThat(analysis.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(analysis.findings()).extracting(Finding::rule).containsExactly(Rule.LIVE_SET_GROWS,
                Rule.NOTHING_SAYS_WHAT_GROWS);
        assertThat(analysis.growthSuspected()).isTrue();
    }

    @Test
    void noEventsAtAllIsInconclusive() {
        Analysis analysis = new Analyzer(CONFIG).analysis();

        assertThat(analysis.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(analysis.findings()).extracting(Finding::rule).containsExactly(Rule.NO_COLLECTIONS);
        assertThat(analysis.from()).isNull();
    }

    @Test
    void tooShortARunIsInconclusiveEvenWhenItLooksFlat() {
        SyntheticRun run = new SyntheticRun();
        for (int t = 1; t <= 40; t++) {
            run.young(t, 80 * MB, 20 * MB);
        }
        Analysis analysis = run.analyze(CONFIG);

        assertThat(analysis.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(analysis.findings()).extracting(Finding::rule).containsExactly(Rule.TOO_LITTLE_EVIDENCE);
    }

    @Test
    void flatHeapAfterEveryCollectionBoundsTheLiveSetAndIsNoLeak() {
        Random random = new Random(9);
        SyntheticRun run = new SyntheticRun();
        for (int t = 1; t <= 300; t++) {
            run.young(t, 80 * MB, 20 * MB + random.nextInt(2_000_000));
        }
        Analysis analysis = run.analyze(CONFIG);

        assertThat(analysis.verdict()).as(analysis.reason()).isEqualTo(Verdict.NO_LEAK);
        Finding bound = analysis.finding(Rule.HEAP_BOUNDS_GROWTH).orElseThrow();
        assertThat(bound.value("lowestBytes")).isBetween(20.0 * MB, 20.1 * MB);
        assertThat(bound.value("highestBytes")).isBetween(21.5 * MB, 22.0 * MB).isLessThan(bound.threshold(
                "highestBytes"));
    }

    @Test
    void cacheMeasuredMidChurnBySerialFullCollectionsIsNotALeak() {
        // Full-GC measurements of a full LRU cache under Serial GC in a real run (MB): a sawtooth, not a trend, yet
        // Mann-Kendall alone gives p = 0.018 on the first seven. A HashSet whose count rose in three inspections
        // came with it.
        double[] seconds = {8.4, 15.9, 21.7, 27.6, 33.4, 39.1, 44.9};
        double[] megabytes = {49.71, 53.66, 56.99, 50.03, 53.93, 58.55, 58.92};
        SyntheticRun run = new SyntheticRun();
        for (int i = 0; i < seconds.length; i++) {
            run.full(seconds[i], 150 * MB, (long) (megabytes[i] * MB));
        }
        for (int i = 0; i < 3; i++) {
            run.histogram(33.5 + 5 * i, List.of(SyntheticRun.entry("java.util.HashSet", 100 + i, 4800 + 48 * i)));
        }

        assertThat(run.verdictsAlongTheWay(SHORT, 1)).doesNotContain(Verdict.LEAK);
    }

    @Test
    void noisyFlatHeapThatSwingsWiderThanMaterialGrowthIsNotCalledNoLeak() {
        // Promoted garbage makes the after-GC heap swing by 40 MB: no trend, but no bound tight enough either.
        SyntheticRun run = new SyntheticRun();
        for (int t = 1; t <= 300; t++) {
            run.young(t, 120 * MB, 20 * MB + (t % 20) * 2 * MB);
        }
        Analysis analysis = run.analyze(CONFIG);

        assertThat(analysis.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void noLeakComesOnceTheBoundOfTheSlopeRulesOutGrowthThatMatters() {
        // Seven full collections after the 30 s warm-up, 10 s apart: quiet ones (±1 MB) bound the slope well below
        // the growth that would exhaust the heap within the hour; noisy ones (±8 MB) cannot, yet.
        Analysis quiet = flatFullCollections(1).analyze(CONFIG);
        Analysis noisy = flatFullCollections(8).analyze(CONFIG);

        assertThat(quiet.verdict()).as(quiet.reason()).isEqualTo(Verdict.NO_LEAK);
        Finding flat = quiet.finding(Rule.LIVE_SET_NOT_GROWING).orElseThrow();
        assertThat(flat.value("slopeUpperBoundBytesPerSecond")).isLessThan(flat.threshold(
                "slopeUpperBoundBytesPerSecond"));
        assertThat(noisy.verdict()).as(noisy.reason()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    private static SyntheticRun flatFullCollections(long noiseMegabytes) {
        SyntheticRun run = new SyntheticRun();
        for (int t = 10; t <= 100; t += 10) {
            run.young(t - 5, 150 * MB, 40 * MB + t * 1_000_000L);
            run.full(t, 100 * MB, 30 * MB + (t % 20 == 0 ? 1 : -1) * noiseMegabytes * MB);
        }
        return run;
    }

    @Test
    void shuffledAndRepeatedEventsGiveTheSameVerdictAndCandidate() {
        SyntheticRun run = Scenarios.steadyLeak(600, 300_000, 4);
        Analysis ordered = run.analyze(CONFIG);

        // Events from two overlapping files, locally out of order (as in a JFR chunk), each delivered twice.
        List<Consumer<Analyzer>> events = new ArrayList<>(run.events());
        List<Consumer<Analyzer>> messy = new ArrayList<>();
        Random random = new Random(4);
        for (int i = 0; i < events.size(); i += 6) {
            List<Consumer<Analyzer>> block = new ArrayList<>(events.subList(i, Math.min(events.size(), i + 6)));
            Collections.shuffle(block, random);
            messy.addAll(block);
            messy.addAll(block);
        }
        Analyzer analyzer = new Analyzer(CONFIG);
        messy.forEach(event -> event.accept(analyzer));
        analyzer.finish();
        Analysis replayed = analyzer.analysis();

        assertThat(replayed.verdict()).isEqualTo(ordered.verdict());
        assertThat(replayed.topCandidate().objectType()).isEqualTo(ordered.topCandidate().objectType());
        assertThat(replayed.counts().collections()).isEqualTo(ordered.counts().collections());
        assertThat(replayed.counts().duplicates()).isPositive();
        assertThat(replayed.liveSet().trend().slopeBytesPerSecond())
                .isCloseTo(ordered.liveSet().trend().slopeBytesPerSecond(), org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void collectionsWithoutHeapSummariesStillCountForGcStatistics() {
        Analyzer analyzer = new Analyzer(CONFIG);
        for (int id = 1; id <= 5; id++) {
            analyzer.accept(new GcEvent(id, "G1New", GcKind.YOUNG, "test", SyntheticRun.at(id),
                    Duration.ofMillis(3), Duration.ofMillis(3)));
        }
        analyzer.finish();
        Analysis analysis = analyzer.analysis();

        assertThat(analysis.counts().collections()).isEqualTo(5);
        assertThat(analysis.gc()).last().satisfies(run -> assertThat(run.collectionCount()).isEqualTo(5));
        assertThat(analysis.liveSet().afterGc()).isEmpty();
    }

    @Test
    void aLeakThatKillsItsJvmInsideTheWarmUpIsALeakFromTheFileItLeaves() {
        // 4 MB/s into a 96 MB heap, dead after 24 s, within the default warm-up of 30 s: the last full collections
        // find the heap full and the one emission of samples shows orders allocated all along.
        for (boolean chains : new boolean[]{true, false}) {
            Analysis analysis = Scenarios.leakThatKillsItsJvmWithinTheWarmUp(24, chains).analyze(CONFIG);

            assertThat(analysis.verdict()).as(analysis.reason()).isEqualTo(Verdict.LEAK);
            assertThat(analysis.findings()).extracting(Finding::rule).containsExactly(Rule.HEAP_EXHAUSTED,
                    Rule.CANDIDATE_EXPLAINS_GROWTH);
            assertThat(analysis.topCandidate().objectType()).isEqualTo(Scenarios.ORDER);
            assertThat(analysis.topCandidate().firstApplicationFrame()).isEqualTo(Scenarios.ORDER_STACK.get(0));
        }
        Analysis chained = Scenarios.leakThatKillsItsJvmWithinTheWarmUp(24, true).analyze(CONFIG);
        assertThat(chained.topCandidate().accumulationPoint().describe())
                .isEqualTo("ArrayList (Object[20000]) \u2190 static Checkout.PLACED");
    }

    @Test
    void aPlainRecordingOfALeakNamesItAsSuspectedWithoutCallingItALeak() {
        // One emission of samples at the end, no old collection: the live set was never measured.
        Analysis leaking = Scenarios.plainRecording(600, true).analyze(CONFIG);

        assertThat(leaking.verdict()).as(leaking.reason()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(leaking.candidates()).first().satisfies(top -> {
            assertThat(top.objectType()).isEqualTo(Scenarios.ORDER);
            assertThat(top.status()).isEqualTo(LeakCandidate.Status.SUSPECTED);
            assertThat(top.hasEvidence(Evidence.Signal.STEADY_SURVIVORS)).isTrue();
        });
        // The healthy service's start-up structure and request objects are not candidates.
        Analysis healthy = Scenarios.plainRecording(600, false).analyze(CONFIG);
        assertThat(healthy.verdict()).isNotEqualTo(Verdict.LEAK);
        assertThat(healthy.candidates()).isEmpty();
    }

    @Test
    void growthOnceFoundStandsUntilTheLiveSetStopsGrowingOrGivesItsMemoryBack() {
        // ZGC old collections every 2 s: a clean rise of 0.5 MB/s passes the test; then noisier measurements of the
        // same leak weaken the evidence, which does not undo the decision; a drop far below the level does.
        Random random = new Random(5);
        SyntheticRun run = new SyntheticRun().young(1, 60 * MB, 20 * MB);
        double t = 6;
        for (int i = 0; i < 12; i++, t += 2) {
            long live = 30 * MB + (long) (0.5 * MB * (t - 6)) + (long) (random.nextGaussian() * 0.2 * MB);
            run.gc(t, GcKind.OLD, "Z", live + 10 * MB, live).histogram(t + 0.1, List.of(SyntheticRun.entry(
                    Scenarios.CUSTOMER, (long) (t * 1000), (long) (t * 1000 * 500))));
        }
        assertThat(run.analyze(SHORT).verdict()).isEqualTo(Verdict.LEAK);
        for (int i = 0; i < 4; i++, t += 2) {
            long live = 30 * MB + (long) (0.5 * MB * (t - 6)) + (i % 2 == 0 ? 9 : -9) * MB;
            run.gc(t, GcKind.OLD, "Z", live + 10 * MB, live);
        }
        Analysis noisier = run.analyze(SHORT);
        assertThat(noisier.verdict()).as(noisier.reason()).isEqualTo(Verdict.LEAK);

        for (int i = 0; i < 3; i++, t += 2) {
            run.gc(t, GcKind.OLD, "Z", 40 * MB, 25 * MB);
        }
        Analysis dropped = run.analyze(SHORT);
        assertThat(dropped.verdict()).as(dropped.reason()).isNotEqualTo(Verdict.LEAK);
    }

    @Test
    void theTrendRestsOnTheMeasurementsThatMeasureTheSlopeMostPreciselyNotOnTheMostNumerous() {
        // Generational ZGC: a major cycle every second reads the live set with what was allocated during the cycle
        // (scatter of 3 MB), heap inspections every 6 s read it within 0.3 MB. More cycles than inspections; the
        // inspections measure the 0.3 MB/s leak far more precisely.
        Random random = new Random(11);
        SyntheticRun run = new SyntheticRun().young(1, 60 * MB, 20 * MB);
        for (int second = 6; second <= 60; second++) {
            long live = 40 * MB + (long) (0.3 * MB * (second - 6));
            long cycle = live + (long) (random.nextGaussian() * 3 * MB);
            run.gc(second, GcKind.OLD, "Z", cycle + 20 * MB, cycle);
            if (second % 6 == 0) {
                long measured = live + (long) (random.nextGaussian() * 0.3 * MB);
                run.histogram(second + 0.5, List.of(SyntheticRun.entry(Scenarios.CUSTOMER, measured / 500, measured)));
            }
        }
        Analysis analysis = run.analyze(SHORT);
        assertThat(analysis.liveSet().trendSources()).as(analysis.reason())
                .contains(LiveSetPoint.Source.HEAP_INSPECTION).doesNotContain(LiveSetPoint.Source.OLD_GC);
    }

    @Test
    void cleanInspectionsDecideWhileTheMoreNumerousCycleReadingsStillScatter() {
        // The readings of a generational ZGC run of an embedded container's session leak (tomcat-sessions, JDK 25,
        // 256 MB, stop 26): major cycles, each reading what was allocated during it besides the live set, and the
        // totals of six heap inspections, which stand within 0.4 MB of one line. At the defaults the cycles are the
        // chosen family (more points, inspections too few to compare), and their evidence rose and fell for 40 s.
        double[][] cycles = {{2.3, 37.7}, {9.2, 48.2}, {19.5, 54.5}, {30.0, 62.9}, {31.1, 60.8}, {40.5, 67.1},
                {49.9, 75.5}, {52.4, 73.4}, {58.7, 79.7}, {65.1, 83.9}, {72.3, 102.8}, {80.7, 107.0}, {82.4, 94.4},
                {92.3, 111.1}, {101.7, 130.0}, {104.8, 121.6}};
        double[][] inspections = {{31.1, 35.8}, {52.4, 51.5}, {58.7, 55.9}, {65.1, 60.0}, {82.4, 73.6},
                {104.8, 91.1}};
        SyntheticRun run = new SyntheticRun().maxHeap(256 * MB).young(1, 80 * MB, 36 * MB);
        int next = 0;
        for (double[] cycle : cycles) {
            long after = (long) (cycle[1] * MB);
            run.gc(cycle[0], GcKind.OLD, "ZGC Major", after + 40 * MB, after);
            if (next < inspections.length && inspections[next][0] == cycle[0]) {
                // The inspection's own major cycle (System.gc()), then its total.
                long total = (long) (inspections[next++][1] * MB);
                long carts = total - 30 * MB;
                run.histogram(cycle[0] + 0.2, List.of(SyntheticRun.entry(Scenarios.CUSTOMER, carts / 500, carts),
                        SyntheticRun.entry("byte[]", 1000, 30 * MB)));
            }
        }

        Analysis fourInspections = run.analyzeUntil(CONFIG, 80);
        assertThat(fourInspections.verdict()).as(fourInspections.reason()).isEqualTo(Verdict.INCONCLUSIVE);
        Analysis fiveInspections = run.analyzeUntil(CONFIG, 83);
        assertThat(fiveInspections.verdict()).as(fiveInspections.reason()).isEqualTo(Verdict.LEAK);
        assertThat(fiveInspections.liveSet().trendSources()).contains(LiveSetPoint.Source.HEAP_INSPECTION)
                .doesNotContain(LiveSetPoint.Source.OLD_GC);
        // Two families tested, each held to α/2.
        assertThat(fiveInspections.finding(Rule.LIVE_SET_GROWS).orElseThrow().thresholds().get("logBayesFactor"))
                .isCloseTo(Math.log(2 / CONFIG.falseAlarmRate()), within(1e-9));
        assertThat(fiveInspections.topCandidate().objectType()).isEqualTo(Scenarios.CUSTOMER);
    }
}
