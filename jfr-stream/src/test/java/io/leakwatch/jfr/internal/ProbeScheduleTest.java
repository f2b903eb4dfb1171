package io.leakwatch.jfr.internal;

import io.leakwatch.core.Analysis;
import io.leakwatch.core.Coverage;
import io.leakwatch.core.EventCounts;
import io.leakwatch.core.Finding;
import io.leakwatch.core.KindReport;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.LeakKind;
import io.leakwatch.core.LiveSetReport;
import io.leakwatch.core.ReferenceStep;
import io.leakwatch.core.Rule;
import io.leakwatch.core.SiteSummary;
import io.leakwatch.core.Verdict;
import io.leakwatch.jfr.InspectionMode;
import io.leakwatch.jfr.LeakMonitorConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeScheduleTest {
    private static final LeakMonitorConfig DEFAULTS = LeakMonitorConfig.builder().build();
    private static final ProbeSchedule SCHEDULE = new ProbeSchedule(DEFAULTS);

    private static Analysis analysis(Verdict verdict, boolean suspected, Duration exhaustion) {
        return new Analysis(verdict, "test", "", List.of(Finding.of(Rule.TOO_LITTLE_EVIDENCE)), suspected,
                exhaustion, null, null, new EventCounts(0, 0, 0, 0, 0, 0), List.of(), heap(suspected, null), List.of(),
                List.of(), List.of(),
                new Coverage(Set.of(), List.of()));
    }

    /** The heap's report: whether its growth is suspected, and when its latest full collection ended. */
    private static LiveSetReport heap(boolean suspected, Instant latestFullCollection) {
        return new LiveSetReport(List.of(), List.of(), null, Set.of(), null, 0, suspected, latestFullCollection);
    }

    @Test
    void theNearerExhaustionTheSoonerTheNextInspection() {
        assertThat(SCHEDULE.inspectionInterval(analysis(Verdict.INCONCLUSIVE, true, null)))
                .isEqualTo(Duration.ofSeconds(15));
        // 0.2% of the heap a second leaves about 7.5 minutes: an inspection every 7.5 s.
        assertThat(SCHEDULE.inspectionInterval(analysis(Verdict.INCONCLUSIVE, true, Duration.ofSeconds(450))))
                .isEqualTo(Duration.ofMillis(7500));
        assertThat(SCHEDULE.inspectionInterval(analysis(Verdict.LEAK, false, Duration.ofSeconds(20))))
                .isEqualTo(ProbeSchedule.MIN_INSPECTION_INTERVAL);
        assertThat(SCHEDULE.inspectionInterval(analysis(Verdict.INCONCLUSIVE, true, Duration.ofHours(5))))
                .isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void anUndecidedVerdictIsSettledByOccasionalInspectionsAndANoLeakIsRecheckedRarely() {
        assertThat(SCHEDULE.inspectionInterval(analysis(Verdict.INCONCLUSIVE, false, null)))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(SCHEDULE.inspectionInterval(analysis(Verdict.NO_LEAK, false, null)))
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(new ProbeSchedule(LeakMonitorConfig.builder().inspectionMode(InspectionMode.OFF).build())
                .inspectionInterval(analysis(Verdict.INCONCLUSIVE, true, Duration.ofSeconds(30)))).isNull();
    }

    @Test
    void anInspectionIsNotTakenForWhatTheCollectorsOwnFullCollectionsMeasuredUnlessTheHeapIsSuspected() {
        Instant now = Instant.parse("2026-12-03T18:00:00Z");
        Instant ownFullCollection = now.minusSeconds(5);
        // Nothing suspected, four histograms kept: a full collection of the collector's own settles as well.
        assertThat(SCHEDULE.inspectionInterval(withKinds(heap(false, ownFullCollection), now, 4, false))).isNull();
        assertThat(SCHEDULE.inspectionInterval(withKinds(heap(false, now.minusSeconds(31)), now, 4, false)))
                .isEqualTo(Duration.ofSeconds(30));
        // No full collection of the collector's own (ZGC's cycles are concurrent, LiveSetTrackerTest): it inspects.
        assertThat(SCHEDULE.inspectionInterval(withKinds(heap(false, null), now, 4, false)))
                .isEqualTo(Duration.ofSeconds(30));
        // Fewer histograms kept than a type's growth needs: those taken to settle are the baseline growth is named by.
        assertThat(SCHEDULE.inspectionInterval(withKinds(heap(false, ownFullCollection), now, 3, false)))
                .isEqualTo(Duration.ofSeconds(30));
        // Metaspace suspected, the heap not: the collector's own full collections unload classes too.
        assertThat(SCHEDULE.inspectionInterval(withKinds(heap(false, ownFullCollection), now, 4, true))).isNull();
        assertThat(SCHEDULE.inspectionInterval(withKinds(heap(false, null), now, 4, true)))
                .isEqualTo(Duration.ofSeconds(15));
        // The heap or direct memory suspected: an inspection also says which types grow, which no collection does.
        assertThat(SCHEDULE.inspectionInterval(withKinds(heap(true, ownFullCollection), now, 4, false)))
                .isEqualTo(Duration.ofSeconds(15));
        assertThat(SCHEDULE.inspectionInterval(withKind(heap(false, ownFullCollection), now, 4,
                kind(LeakKind.DIRECT_MEMORY, "direct memory")))).isEqualTo(Duration.ofSeconds(15));
        assertThat(new ProbeSchedule(LeakMonitorConfig.builder().inspectionMode(InspectionMode.PERIODIC).build())
                .inspectionInterval(withKinds(heap(false, ownFullCollection), now, 4, false)))
                .isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void chainsAreTakenForTheHeapAndDirectMemoryNotForClassMetadataAlone() {
        Instant now = Instant.parse("2026-12-03T18:00:00Z");
        assertThat(SCHEDULE.chainInterval(withKinds(heap(false, null), now, 4, true))).isNull();
        assertThat(SCHEDULE.chainInterval(withKinds(heap(true, null), now, 4, true))).isEqualTo(Duration.ofMinutes(1));
        Analysis buffers = withKind(heap(false, null), now, 4, kind(LeakKind.DIRECT_MEMORY, "direct memory"));
        assertThat(SCHEDULE.chainInterval(buffers)).isEqualTo(Duration.ofMinutes(1));
    }

    /** An analysis at {@code now} of {@code heap}, with so many histograms kept, metaspace suspected or not. */
    private static Analysis withKinds(LiveSetReport heap, Instant now, int histograms, boolean metaspaceSuspected) {
        return metaspaceSuspected ? withKind(heap, now, histograms, kind(LeakKind.CLASS_METADATA, "metaspace"))
                : withKind(heap, now, histograms, null);
    }

    /** An analysis at {@code now} whose heap is {@code heap}, with so many histograms kept, one kind or none. */
    private static Analysis withKind(LiveSetReport heap, Instant now, int histograms, KindReport kind) {
        return new Analysis(Verdict.INCONCLUSIVE, "test", "", List.of(Finding.of(Rule.TOO_LITTLE_EVIDENCE)),
                heap.growthSuspected() || kind != null, null, now.minusSeconds(60), now,
                new EventCounts(1000, 0, 0, histograms, 0, 0), List.of(), heap, List.of(), List.of(), List.of(),
                new Coverage(Set.of(), List.of()), List.of(), kind == null ? List.of() : List.of(kind));
    }

    /** A kind whose growth is suspected. */
    private static KindReport kind(LeakKind kind, String series) {
        return new KindReport(kind, series, true, "", Verdict.INCONCLUSIVE, List.of(Finding.of(Rule.KIND_MAY_GROW)),
                "", true, null, 0, List.of(), List.of(), null);
    }

    @Test
    void snapshotsAndChainsComeSoonerAsTheHeapNearsExhaustion() {
        assertThat(SCHEDULE.snapshotInterval(null)).isEqualTo(Duration.ofSeconds(20));
        assertThat(SCHEDULE.snapshotInterval(analysis(Verdict.INCONCLUSIVE, true, Duration.ofSeconds(60))))
                .isEqualTo(Duration.ofSeconds(6));
        assertThat(SCHEDULE.snapshotInterval(analysis(Verdict.INCONCLUSIVE, true, Duration.ofSeconds(5))))
                .isEqualTo(ProbeSchedule.MIN_SNAPSHOT_INTERVAL);
        assertThat(SCHEDULE.chainInterval(analysis(Verdict.INCONCLUSIVE, false, null))).isNull();
        assertThat(SCHEDULE.chainInterval(analysis(Verdict.INCONCLUSIVE, true, null))).isEqualTo(Duration.ofMinutes(1));
        assertThat(SCHEDULE.chainInterval(analysis(Verdict.INCONCLUSIVE, true, Duration.ofSeconds(200))))
                .isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aGrowthThatNothingNamesFetchesChainsASnapshotIntervalApart() {
        Analysis unnamed = new Analysis(Verdict.INCONCLUSIVE, "test", "", List.of(Finding.of(Rule.LIVE_SET_GROWS),
                Finding.of(Rule.NOTHING_SAYS_WHAT_GROWS)), true, null, null, null, null, List.of(), heap(true, null),
                List.of(), List.of(), List.of(), new Coverage(Set.of(), List.of()));
        assertThat(SCHEDULE.chainInterval(unnamed)).isEqualTo(Duration.ofSeconds(20));
        assertThat(ProbeSchedule.holdersWanted(analysis(Verdict.INCONCLUSIVE, true, null))).isFalse();
        // Samples that have chains and still confirm nothing are not helped by more of them.
        SiteSummary chained = new SiteSummary("byte[]", List.of(), List.of(new ReferenceStep("com.example.Cache",
                "entries", false, null, -1, -1, 0)), "", null, 4, 4, 1, 1, 4000, Instant.EPOCH, Duration.ZERO, false,
                false, "", -1);
        Analysis unnamedWithChains = new Analysis(Verdict.INCONCLUSIVE, "test", "", unnamed.findings(), true, null,
                null, null, null, List.of(), heap(true, null), List.of(), List.of(chained), List.of(),
                new Coverage(Set.of(), List.of()));
        assertThat(ProbeSchedule.holdersWanted(unnamedWithChains)).isFalse();
        assertThat(SCHEDULE.chainInterval(unnamedWithChains)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void holdersAreWantedWhileTheTopCandidateHasNoChainWhateverOtherSamplesHave() {
        // Generational ZGC, thread-local: byte[] explains 93% of the growth and has no chain; one sample of another
        // site has one. That sample must not end the search for who holds the byte[].
        SiteSummary chainedElsewhere = new SiteSummary("byte[]", List.of(), List.of(new ReferenceStep(
                "java.util.ArrayList", "elementData", false, null, -1, -1, 0)), "", null, 1, 0, 1, Double.NaN, 1040,
                Instant.EPOCH, Duration.ZERO, false, false, "", -1);
        List<Finding> unnamed = List.of(Finding.of(Rule.LIVE_SET_GROWS), Finding.of(Rule.NOTHING_SAYS_WHAT_GROWS));
        Analysis withoutChain = new Analysis(Verdict.INCONCLUSIVE, "test", "", unnamed, true, null, null, null, null,
                List.of(), heap(true, null), List.of(), List.of(chainedElsewhere), List.of(candidate(List.of())),
                new Coverage(Set.of(), List.of()));
        assertThat(ProbeSchedule.holdersWanted(withoutChain)).isTrue();
        assertThat(SCHEDULE.chainInterval(withoutChain)).isEqualTo(Duration.ofSeconds(20));

        Analysis withChain = new Analysis(Verdict.INCONCLUSIVE, "test", "", unnamed, true, null, null, null, null,
                List.of(), heap(true, null), List.of(), List.of(chainedElsewhere),
                List.of(candidate(chainedElsewhere.referenceChain())), new Coverage(Set.of(), List.of()));
        assertThat(ProbeSchedule.holdersWanted(withChain)).isFalse();

        // An application type that grows is confirmed by heap inspections, which more searches would delay.
        Analysis application = new Analysis(Verdict.INCONCLUSIVE, "test", "", unnamed, true, null, null, null, null,
                List.of(), heap(true, null), List.of(), List.of(chainedElsewhere), List.of(candidate("com.example.Cart",
                List.of())), new Coverage(Set.of(), List.of()));
        assertThat(ProbeSchedule.holdersWanted(application)).isFalse();
    }

    private static LeakCandidate candidate(List<ReferenceStep> chain) {
        return candidate("byte[]", chain);
    }

    private static LeakCandidate candidate(String type, List<ReferenceStep> chain) {
        return new LeakCandidate(type, LeakCandidate.Status.SUSPECTED, List.of(type), List.of(), chain, "",
                null, 3, Duration.ofSeconds(5), null, 24e6, 30_000, 0.93, 0.7, List.of(), "", -1, "e501096b54ec");
    }

    @Test
    void aHeapAboutToBeExhaustedDoesNotWaitForTheWarmUp() {
        Duration early = Duration.ofSeconds(10);
        assertThat(SCHEDULE.started(analysis(Verdict.INCONCLUSIVE, true, null), early)).isFalse();
        assertThat(SCHEDULE.started(analysis(Verdict.INCONCLUSIVE, true, Duration.ofSeconds(40)), early)).isTrue();
        assertThat(SCHEDULE.started(analysis(Verdict.INCONCLUSIVE, false, null), Duration.ofSeconds(31))).isTrue();
    }
}
