package io.leakwatch.core.internal;

import io.leakwatch.core.AccumulationPoint;
import io.leakwatch.core.ApplicationCode;
import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.core.LiveSetPoint;
import io.leakwatch.core.ReferenceStep;
import io.leakwatch.core.SiteSummary;
import io.leakwatch.core.StackFrame;
import io.leakwatch.core.TypeGrowth;
import io.leakwatch.core.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class JudgeTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final double MB = 1e6;
    private static final AnalyzerConfig CONFIG = AnalyzerConfig.builder().warmUp(Duration.ofSeconds(5))
            .minObservation(Duration.ofSeconds(15)).build();

    private static TypeGrowth steady(String type, double bytesPerMinute, double instancesPerMinute) {
        return new TypeGrowth(type, 0, 1, 0, 1, bytesPerMinute, instancesPerMinute, 3, 3, 0.045, true);
    }

    private static TypeGrowth unsteady(String type, double bytesPerMinute, double instancesPerMinute) {
        return new TypeGrowth(type, 0, 1, 0, 1, bytesPerMinute, instancesPerMinute, 1, 3, 0.5, false);
    }

    /** Twelve ZGC old collections over 26 s, 29.4 MB/min and ±0.2 MB, as a live ZGC run of a static-map leak. */
    private static LiveSetSeries growingLiveSet() {
        List<LiveSetPoint> points = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double seconds = 26.0 * i / 11;
            points.add(new LiveSetPoint(T0.plusMillis((long) (seconds * 1000)), (long) (12 * MB + 29.4 * MB / 60
                    * seconds + (i % 2 == 0 ? 0.2 : -0.2) * MB), LiveSetPoint.Source.OLD_GC));
        }
        return new LiveSetSeries(points, points, List.of(), points, Set.of(LiveSetPoint.Source.OLD_GC), List.of(), 1,
                List.of(), 256_000_000L);
    }

    private static Judgement judge(List<TypeGrowth> growth, List<SiteSummary> sites) {
        return new Judge(CONFIG).judge(growingLiveSet(), growth, sites, type -> null, null, true,
                Duration.ofSeconds(40));
    }

    private static ReferenceStep field(String holder, String field) {
        return new ReferenceStep(holder, field, false, null, -1, -1, 0);
    }

    private static ReferenceStep array(String type, int size) {
        return new ReferenceStep(type, null, false, null, 0, size, 0);
    }

    private static ReferenceStep staticField(String owner, String field) {
        return new ReferenceStep("java.lang.Class", field, true, owner, -1, -1, 0);
    }

    private static AccumulationPoint point(ReferenceStep container, int first, int latest, ReferenceStep... heldBy) {
        return new AccumulationPoint(container, false, List.of(heldBy), first, latest);
    }

    private static SiteSummary site(String type, List<StackFrame> frames, List<ReferenceStep> chain,
                                    AccumulationPoint point, int live, int liveAtFirst, int arrivals, double retention,
                                    Duration oldestAge, boolean accumulating) {
        return new SiteSummary(type, frames, chain, "", point, live, liveAtFirst, arrivals, retention, 0, T0,
                oldestAge, accumulating, false, "");
    }

    @Test
    void aWellGroundedCandidateOutranksOneWithMoreSignalsThatExplainsLittleOfTheGrowth() {
        // From a live ZGC run of the static-map leak: the Customer structure explains 85% of the live-set growth;
        // a sampled Long key site, not itself accumulating, sits in a growing map table but its type explains 3%.
        List<TypeGrowth> growth = List.of(steady("long[]", 23.8 * MB, 29_096),
                steady("java.util.HashMap$Node", 1.6 * MB, 39_023),
                steady("io.example.Customer", 0.93 * MB, 29_096), steady("java.lang.Long", 0.87 * MB, 36_061));
        SiteSummary keys = new SiteSummary("java.lang.Long", List.of(new StackFrame("java.lang.Long", "valueOf", 1),
                new StackFrame("io.example.Registry", "add", 14)), List.of(new ReferenceStep(
                "java.util.HashMap$Node", "key", false, null, -1, -1, 0)), "", point(
                array("java.util.HashMap$Node[]", 16384), 4096, 16384, field("java.util.HashMap", "table"),
                staticField("io.example.Registry", "MAP")), 2, 2, 0, 0.33,
                0, T0, Duration.ofSeconds(20), false, false, "");

        Judgement judgement = judge(growth, List.of(keys));

        assertThat(judgement.verdict()).isEqualTo(Verdict.LEAK);
        assertThat(judgement.candidates().get(0).objectType()).isEqualTo("io.example.Customer");
        assertThat(judgement.candidates().get(0).shareOfLiveSetGrowth()).isGreaterThan(0.8);
    }

    @Test
    void aSampledJdkArrayIsNamedAfterTheApplicationObjectThatHoldsItInTheGrowingMap() {
        // From a run of a session leak: the JVM sampled the int[] of each session's cart, never the session.
        List<ReferenceStep> chain = List.of(new ReferenceStep("java.lang.Object[]", null, false, null, 0, 2, 0),
                new ReferenceStep("java.util.ArrayList", "elementData", false, null, -1, -1, 0),
                new ReferenceStep("java.util.HashMap$Node", "value", false, null, -1, -1, 0),
                new ReferenceStep("java.util.HashMap$Node[]", null, false, null, 3, 16, 0),
                new ReferenceStep("java.util.HashMap", "table", false, null, -1, -1, 0),
                new ReferenceStep("com.example.Session", "attributes", false, null, -1, -1, 0),
                new ReferenceStep("java.util.concurrent.ConcurrentHashMap$Node", "val", false, null, -1, -1, 0),
                new ReferenceStep("java.util.concurrent.ConcurrentHashMap$Node[]", null, false, null, 7, 65536, 0),
                new ReferenceStep("java.util.concurrent.ConcurrentHashMap", "table", false, null, -1, -1, 0),
                new ReferenceStep("java.lang.Class", "SESSIONS", true, "com.example.Sessions", -1, -1, 0));
        SiteSummary carts = new SiteSummary("int[]", List.of(new StackFrame("com.example.Session", "<init>", 15)),
                chain, "", point(chain.get(7), 32768, 65536, chain.get(8), chain.get(9)), 190, 6, 6, 0.9, 190 * 272, T0, Duration.ofMinutes(2),
                true, false, "");

        Judgement judgement = judge(List.of(steady("int[]", 9.7 * MB,
                35_000)), List.of(carts));

        assertThat(judgement.verdict()).isEqualTo(Verdict.LEAK);
        assertThat(judgement.candidates().get(0).objectType()).isEqualTo("com.example.Session");
        assertThat(judgement.candidates().get(0).growingTypes()).containsExactly("int[]");
    }

    @Test
    void ofAMapsKeysAndValuesAccumulatingInOneTableTheApplicationValueNamesTheLeak() {
        // From a live ZGC run of the static-map leak, before any heap inspection: the JVM sampled the map's Long
        // keys more often than the Customers' long[], and both sites accumulate in the same table.
        AccumulationPoint table = point(array("java.util.HashMap$Node[]", 16384), 4096, 16384,
                field("java.util.HashMap", "table"), staticField("io.example.StaticMapLeak", "CUSTOMERS"));
        List<StackFrame> step = List.of(new StackFrame("java.lang.Long", "valueOf", 1),
                new StackFrame("io.example.StaticMapLeak", "step", 24));
        SiteSummary keys = new SiteSummary("java.lang.Long", step, List.of(new ReferenceStep(
                "java.util.HashMap$Node", "key", false, null, -1, -1, 0)), "", table, 30, 3, 5, 1, 30 * 16, T0,
                Duration.ofSeconds(20), true, false, "");
        SiteSummary values = new SiteSummary("long[]", List.of(new StackFrame("io.example.Customer", "<init>", 33)),
                List.of(new ReferenceStep("io.example.Customer", "history", false, null, -1, -1, 0),
                        new ReferenceStep("java.util.HashMap$Node", "value", false, null, -1, -1, 0)), "", table, 6,
                1, 3, 1, 6 * 816, T0, Duration.ofSeconds(15), true, false, "");

        Judgement judgement = judge(List.of(), List.of(keys, values));

        assertThat(judgement.verdict()).isEqualTo(Verdict.LEAK);
        assertThat(judgement.candidates()).hasSize(1);
        assertThat(judgement.candidates().get(0).objectType()).isEqualTo("io.example.Customer");
    }

    @Test
    void theApplicationValueNamesTheLeakEvenBeforeItsOwnSamplesAccumulate() {
        // The same run a few seconds earlier: only the keys' site accumulates yet.
        AccumulationPoint table = point(array("java.util.HashMap$Node[]", 16384), 4096, 16384,
                field("java.util.HashMap", "table"), staticField("io.example.StaticMapLeak", "CUSTOMERS"));
        SiteSummary keys = new SiteSummary("java.lang.Long", List.of(new StackFrame("java.lang.Long", "valueOf", 1),
                new StackFrame("io.example.StaticMapLeak", "step", 24)), List.of(new ReferenceStep(
                "java.util.HashMap$Node", "key", false, null, -1, -1, 0)), "", table, 30, 3, 5, 1, 30 * 16, T0,
                Duration.ofSeconds(20), true, false, "");
        SiteSummary values = new SiteSummary("long[]", List.of(new StackFrame("io.example.Customer", "<init>", 33)),
                List.of(new ReferenceStep("io.example.Customer", "history", false, null, -1, -1, 0),
                        new ReferenceStep("java.util.HashMap$Node", "value", false, null, -1, -1, 0)), "", table, 2,
                1, 1, 1, 2 * 816, T0, Duration.ofSeconds(5), false, false, "");

        Judgement judgement = judge(List.of(), List.of(keys, values));

        assertThat(judgement.verdict()).isEqualTo(Verdict.LEAK);
        assertThat(judgement.candidates()).singleElement().satisfies(c -> {
            assertThat(c.objectType()).isEqualTo("io.example.Customer");
            assertThat(c.firstApplicationFrame()).isEqualTo(new StackFrame("io.example.Customer", "<init>", 33));
            assertThat(c.evidence()).anyMatch(e -> e.summary().contains("samples of java.lang.Long"));
        });
    }

    @Test
    void aSampledJdkTypeHeldOnlyByJdkObjectsKeepsItsName() {
        SiteSummary entries = new SiteSummary("byte[]", List.of(new StackFrame("com.example.AuditLog", "append", 18)),
                List.of(new ReferenceStep("java.util.LinkedList$Node", "item", false, null, -1, -1, 0),
                        new ReferenceStep("java.util.LinkedList$Node", "prev", false, null, -1, -1, 0),
                        new ReferenceStep("java.util.LinkedList$Node", "prev", false, null, -1, -1, 0),
                        new ReferenceStep("java.util.LinkedList", "last", false, null, -1, -1, 0),
                        new ReferenceStep("com.example.AuditLog", "entries", false, null, -1, -1, 0)), "",
                new AccumulationPoint(field("java.util.LinkedList$Node", "prev"), true,
                        List.of(field("java.util.LinkedList", "last"), field("com.example.AuditLog", "entries")), 1, 2), 40, 2, 5, 1, 40 * 3016, T0, Duration.ofMinutes(1), true, false, "");

        assertThat(CandidateRanker.applicationOwner(entries, ApplicationCode.notLibraries())).isEqualTo("byte[]");
    }

    @Test
    void growthOfJdkTypesAloneNeverConfirmsTheLiveSetGrowth() {
        // A healthy LRU cache under Serial GC: byte[] and String (held by everything, the monitor included) grew
        // steadily and explained 18% of a noisy live-set trend; in a healthy G1 cache they explained most of it.
        List<TypeGrowth> little = List.of(steady("byte[]", 0.808 * MB, 15_899), steady("java.lang.String",
                0.379 * MB, 15_808));
        List<TypeGrowth> most = List.of(steady("byte[]", 20 * MB, 20_000));
        List<TypeGrowth> application = List.of(steady("byte[]", 20 * MB, 20_000),
                steady("io.example.Upload", 0.5 * MB, 20_000));

        assertThat(judge(little, List.of()).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(judge(most, List.of()).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        // An application type growing in step with them names what grows.
        assertThat(judge(application, List.of()).verdict()).isEqualTo(Verdict.LEAK);
    }

    @Test
    void anApplicationTypeGrowingWithTheArraysNoStringOwnsNamesTheLeak() {
        // From a live generational ZGC run of the inner-class leak, whose histograms count garbage too: each Document
        // holds a 3,000-byte array; byte[] gained 7,578 instances a minute, String (not steadily) 1,811, Document
        // 5,746. The 8 KB garbage arrays of the request churn were sampled alive, at their own site.
        List<TypeGrowth> growth = List.of(steady("byte[]", 17.4 * MB, 7_578),
                steady("io.example.Document", 0.138 * MB, 5_746), steady("io.example.Document$Handle", 0.138 * MB,
                        5_746), steady("java.util.HashMap$Node", 0.124 * MB, 3_100),
                unsteady("java.lang.String", 0.058 * MB, 1_811));
        SiteSummary garbage = site("byte[]", List.of(new StackFrame("io.example.Churn", "allocate", 16),
                new StackFrame("io.example.Server", "handle", 26)), List.of(), null, 192, 12, 5, 0.5,
                Duration.ofSeconds(8), false);

        StackFrame registry = new StackFrame("io.example.Registry", "open", 31);
        AllocationSiteTracker.Site documents = new AllocationSiteTracker.Site(List.of(registry), 1, 83);
        Judgement judgement = new Judge(CONFIG).judge(growingLiveSet(), growth, List.of(garbage),
                type -> type.equals("io.example.Document") ? documents : null, null, true, Duration.ofSeconds(40));

        assertThat(judgement.verdict()).isEqualTo(Verdict.LEAK);
        assertThat(judgement.candidates().get(0).objectType()).isEqualTo("io.example.Document");
        assertThat(judgement.candidates().get(0).growingTypes()).contains("byte[]", "io.example.Document");
        // Placed where the documents are allocated, not at the garbage's site.
        assertThat(judgement.candidates().get(0).firstApplicationFrame()).isEqualTo(registry);
    }

    @Test
    void garbageArraysSampledAliveAtTheirOwnSiteDoNotPlaceTheStructureTheirTypeJoins() {
        // From a live generational ZGC run of an H2 table leak: the churn's 8 KB arrays, kept alive by the sampler
        // until an old collection, accumulated at their site; the table's rows and the byte[] payloads they hold
        // grow together, allocated through the application's AuditLog.record.
        List<TypeGrowth> growth = List.of(steady("byte[]", 43.2 * MB, 30_060),
                steady("org.h2.result.DefaultRow", 0.9 * MB, 28_369), steady("org.h2.value.ValueVarbinary", 0.9 * MB,
                        28_369), unsteady("java.lang.String", 0.05 * MB, 1_464));
        SiteSummary garbage = site("byte[]", List.of(new StackFrame("io.example.Churn", "allocate", 16),
                new StackFrame("io.example.AuditJob", "step", 48)), List.of(), null, 40, 8, 4, 0.6,
                Duration.ofSeconds(20), true);
        StackFrame record = new StackFrame("io.example.AuditLog", "record", 73);
        AllocationSiteTracker.Site rows = new AllocationSiteTracker.Site(List.of(new StackFrame("org.h2.table.Table",
                "getTemplateRow", 695), record), 1, 60);
        // The payload arrays' allocation is the churn's (99% of the sampled byte[]); the rows themselves are seldom
        // sampled, so their own site is known from too few samples to place them.
        AllocationSiteTracker.Site churn = new AllocationSiteTracker.Site(garbage.allocationSite(), 0.99, 17_000);
        AllocationSiteTracker.Site values = new AllocationSiteTracker.Site(rows.frames(), 1, 12);
        AllocationSiteTracker.Site fewRows = new AllocationSiteTracker.Site(rows.frames(), 1, 2);
        Judgement judgement = new Judge(CONFIG).judge(growingLiveSet(), growth, List.of(garbage),
                type -> switch (type) {
                    case "byte[]" -> churn;
                    case "org.h2.result.DefaultRow" -> fewRows;
                    case "org.h2.value.ValueVarbinary" -> values;
                    default -> null;
                }, null, true, Duration.ofSeconds(40));

        assertThat(judgement.verdict()).isEqualTo(Verdict.LEAK);
        assertThat(judgement.candidates().get(0).objectType()).isEqualTo("org.h2.result.DefaultRow");
        assertThat(judgement.candidates().get(0).firstApplicationFrame()).isEqualTo(record);
    }

    @Test
    void arraysJoinAnApplicationTypeOnlyWhenTheirRatesAgreeOnceStringsAreCounted() {
        // The same rates with no string growth measured: a quarter of the arrays' growth belongs to something else.
        List<TypeGrowth> growth = List.of(steady("byte[]", 17.4 * MB, 7_578),
                steady("io.example.Document", 0.138 * MB, 5_746));

        assertThat(judge(growth, List.of()).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        // A healthy program's arrays are nearly all strings': what is left between them is noise, not a structure.
        List<TypeGrowth> strings = List.of(steady("byte[]", 20 * MB, 11_268), steady("java.lang.String",
                0.36 * MB, 11_258), steady("org.example.IterationValue", 0.001 * MB, 10));
        assertThat(judge(strings, List.of()).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void candidatesNoContainerPlacesAreOneLeakWhenOneApplicationLineAllocatedThem() {
        // From a live generational ZGC run of a servlet session leak, no chain: each session holds a Cart and two
        // ConcurrentHashMaps (its attributes), all allocated by the servlet line that creates the session and its cart.
        List<TypeGrowth> growth = List.of(steady("long[]", 28.2 * MB, 13_934),
                steady("io.example.Cart", 0.22 * MB, 13_924), steady("java.util.concurrent.ConcurrentHashMap",
                        1.8 * MB, 27_855));
        StackFrame servlet = new StackFrame("io.example.ShopServlet", "doGet", 85);
        List<StackFrame> cart = List.of(servlet);
        List<StackFrame> session = List.of(new StackFrame("java.util.concurrent.ConcurrentHashMap", "<init>", 1),
                new StackFrame("org.apache.catalina.connector.RequestFacade", "getSession", 407), servlet);
        AllocationSiteTracker.Site cartSite = new AllocationSiteTracker.Site(cart, 1, 40);
        AllocationSiteTracker.Site sessionSite = new AllocationSiteTracker.Site(session, 1, 40);
        Judgement judgement = new Judge(CONFIG).judge(growingLiveSet(), growth, List.of(),
                type -> type.equals("io.example.Cart") ? cartSite
                        : type.equals("java.util.concurrent.ConcurrentHashMap") ? sessionSite : null,
                null, true, Duration.ofSeconds(40));

        assertThat(judgement.verdict()).isEqualTo(Verdict.LEAK);
        assertThat(judgement.candidates()).singleElement().satisfies(c -> {
            assertThat(c.objectType()).isEqualTo("io.example.Cart");
            assertThat(c.firstApplicationFrame()).isEqualTo(servlet);
            // What the dropped one showed still counts.
            assertThat(c.evidence()).anySatisfy(e -> assertThat(e.summary()).startsWith(
                    "java.util.concurrent.ConcurrentHashMap +"));
        });
    }

    @Test
    void aLineSharedWithACandidateInAContainerOrWithAnotherApplicationTypeMergesNothing() {
        // Map keys accumulating in a map held by a static field, and values no sample places, allocated by one line:
        // the container's candidate keeps its chain. Two application types of one line are two leaks.
        StackFrame add = new StackFrame("io.example.Registry", "add", 14);
        ReferenceStep table = array("java.util.HashMap$Node[]", 4096);
        List<ReferenceStep> chain = List.of(field("java.util.HashMap$Node", "key"), table,
                field("java.util.HashMap", "table"), staticField("io.example.Registry", "MAP"));
        SiteSummary keys = site("java.lang.Long", List.of(new StackFrame("java.lang.Long", "valueOf", 1), add), chain,
                point(table, 1024, 4096, field("java.util.HashMap", "table"), staticField("io.example.Registry",
                        "MAP")), 40, 10, 4, 0.9, Duration.ofSeconds(30), true);
        List<TypeGrowth> growth = List.of(steady("io.example.Customer", 20 * MB, 30_000),
                steady("io.example.Order", 5 * MB, 9_000));
        AllocationSiteTracker.Site atAdd = new AllocationSiteTracker.Site(List.of(add), 1, 40);
        Judgement judgement = new Judge(CONFIG).judge(growingLiveSet(), growth, List.of(keys),
                type -> type.startsWith("io.example.") ? atAdd : null, null, true, Duration.ofSeconds(40));

        assertThat(judgement.candidates()).extracting(c -> c.objectType())
                .contains("io.example.Customer", "io.example.Order");
        assertThat(judgement.candidates()).anySatisfy(c -> assertThat(c.accumulationPoint()).isNotNull());
    }

    @Test
    void typeGrowthThatExplainsATinyShareOfTheLiveSetGrowthDoesNotMakeALeak() {
        List<TypeGrowth> growth = List.of(steady("java.util.HashSet", 2.0 * MB, 12));

        Judgement judgement = judge(growth, List.of());

        assertThat(judgement.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(judgement.candidates()).singleElement().satisfies(c ->
                assertThat(c.shareOfLiveSetGrowth()).isLessThan(Thresholds.MIN_SHARE_OF_GROWTH));
    }

    @Test
    void candidatesThatExplainAlmostNothingOfTheGrowthAreNotListed() {
        List<TypeGrowth> growth = List.of(steady("io.example.Customer", 25 * MB, 30_000),
                steady("java.lang.Long", 0.9 * MB, 36_061));

        Judgement judgement = judge(growth, List.of());

        assertThat(judgement.candidates()).extracting(c -> c.objectType()).containsExactly("io.example.Customer");
    }

    @Test
    void twoSitesOfOneLeakThatAccumulateInTheSameArrayAreOneCandidate() {
        AccumulationPoint listeners = point(array("java.lang.Object[]", 3511), 500, 3511,
                field("java.util.concurrent.CopyOnWriteArrayList", "array"), field("io.example.EventBus", "listeners"),
                staticField("io.example.App", "BUS"));
        SiteSummary labels = new SiteSummary("char[]", List.of(new StackFrame("io.example.Widget", "<init>", 36)),
                List.of(), "", listeners, 9, 1, 5, 1.0, 0, T0, Duration.ofSeconds(30), true, false, "");
        SiteSummary widgets = new SiteSummary("io.example.Widget", List.of(new StackFrame("io.example.App", "step",
                22)), List.of(), "", listeners, 4, 1, 4, 1.0, 0, T0, Duration.ofSeconds(30), true, false, "");

        Judgement judgement = judge(List.of(), List.of(labels, widgets));

        assertThat(judgement.verdict()).isEqualTo(Verdict.LEAK);
        // The widgets' labels were sampled more, but the widget, an application class, names the leak.
        assertThat(judgement.candidates()).singleElement()
                .satisfies(c -> assertThat(c.objectType()).isEqualTo("io.example.Widget"));
    }

}
