package io.leakwatch.core.internal;

import io.leakwatch.core.ObjectSample;
import io.leakwatch.core.ReferenceStep;
import io.leakwatch.core.SiteSummary;
import io.leakwatch.core.StackFrame;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

class SiteTrackerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<StackFrame> LISTENER_SITE = List.of(
            new StackFrame("com.example.Widget", "<init>", 10), new StackFrame("com.example.Screen", "open", 22),
            new StackFrame("com.example.App", "main", 5));

    private static ObjectSample sample(String type, double allocated, double observed, List<StackFrame> stack,
                                       List<ReferenceStep> chain) {
        return new ObjectSample(type, (long) allocated, T0.plusMillis((long) (allocated * 1000)),
                T0.plusMillis((long) (observed * 1000)), 64, -1, 0, stack, chain, "");
    }

    private static List<ReferenceStep> listenerChain(int listeners) {
        return List.of(new ReferenceStep("com.example.Widget$1", "this$0", false, null, -1, -1, 0),
                new ReferenceStep("java.lang.Object[]", null, false, null, listeners - 1, listeners, 0),
                new ReferenceStep("java.util.concurrent.CopyOnWriteArrayList", "array", false, null, -1, -1, 0),
                new ReferenceStep("com.example.EventBus", "listeners", false, null, -1, -1, 0),
                new ReferenceStep("java.lang.Class", "BUS", true, "com.example.App", -1, -1, 0));
    }

    /** A task in an executor's queue: {@code n} nodes between it and the queue's head. */
    static List<ReferenceStep> queueChain(int links) {
        List<ReferenceStep> chain = new ArrayList<>();
        chain.add(new ReferenceStep("java.util.concurrent.FutureTask", "callable", false, null, -1, -1, 0));
        chain.add(new ReferenceStep("java.util.concurrent.LinkedBlockingQueue$Node", "item", false, null, -1, -1, 0));
        for (int i = 0; i < links; i++) {
            chain.add(new ReferenceStep("java.util.concurrent.LinkedBlockingQueue$Node", "next", false, null, -1, -1,
                    0));
        }
        chain.add(new ReferenceStep("java.util.concurrent.LinkedBlockingQueue", "head", false, null, -1, -1, 0));
        chain.add(new ReferenceStep("java.util.concurrent.ThreadPoolExecutor", "workQueue", false, null, -1, -1, 0));
        chain.add(new ReferenceStep("java.lang.Class", "POOL", true, "com.example.App", -1, -1, 0));
        return chain;
    }

    /**
     * Five snapshots 10 s apart; before each, one more object is allocated, and every object so far is alive in it
     * with the chain {@code chain(snapshotTime, allocationTime)}.
     */
    private static void recordFiveSnapshots(SiteTracker tracker, String type,
                                            BiFunction<Double, Double, List<ReferenceStep>> chain) {
        List<Double> allocated = new ArrayList<>();
        for (int snapshot = 1; snapshot <= 5; snapshot++) {
            double now = snapshot * 10;
            allocated.add(now - 5);
            for (double at : allocated) {
                tracker.record(sample(type, at, now, LISTENER_SITE, chain.apply(now, at)));
            }
        }
    }

    /** A tracker that saw a young collection every second of the first two minutes, as in a busy service. */
    private static SiteTracker trackerWithCollections(Duration warmUp) {
        SiteTracker tracker = new SiteTracker(new WarmUpClock(warmUp));
        for (int second = 0; second < 120; second++) {
            tracker.noteCollection(T0.plusMillis(second * 1000L + 500));
        }
        return tracker;
    }

    @Test
    void tasksPilingUpInAQueueAccumulateInItsRunOfLinks() {
        SiteTracker tracker = trackerWithCollections(Duration.ZERO);
        // The oldest task is the furthest from the head of a queue that only grows.
        recordFiveSnapshots(tracker, "com.example.Task", (now, at) -> queueChain((int) (now - at) * 10));

        SiteSummary site = tracker.summaries().get(0);
        assertThat(site.accumulating()).isTrue();
        assertThat(site.accumulationPoint().describe()).isEqualTo("LinkedBlockingQueue (LinkedBlockingQueue$Node.next"
                + " \u00d7 450) \u2190 ThreadPoolExecutor.workQueue \u2190 static App.POOL");
        assertThat(site.accumulationPoint().linked()).isTrue();
        assertThat(site.accumulationPoint().firstSize()).isEqualTo(50);
        assertThat(site.accumulationPoint().grew()).isTrue();
        assertThat(site.referenceChain().get(site.accumulationPoint().storageIndex()))
                .isEqualTo(site.accumulationPoint().storage());
        assertThat(site.accumulationPoint().storage().describe()).isEqualTo("LinkedBlockingQueue$Node.next");
        assertThat(site.accumulationPoint().containerType()).isEqualTo("java.util.concurrent.LinkedBlockingQueue");
        assertThat(site.accumulationPoint().suspect().describe()).isEqualTo("static App.POOL");
    }

    @Test
    void aSiteStillAccumulatesWhileTheLatestSnapshotHasNotReachedItYet() {
        // A live stream can deliver one snapshot's samples in two flushes: the listeners of the snapshot at 60 s
        // have not arrived when another site's sample of it has.
        SiteTracker tracker = trackerWithCollections(Duration.ZERO);
        recordFiveSnapshots(tracker, "com.example.Widget", (now, at) -> listenerChain((int) (100 * now)));
        tracker.record(sample("byte[]", 59, 60, List.of(new StackFrame("com.example.Request", "<init>", 3)),
                List.of()));

        assertThat(tracker.summaries()).filteredOn(site -> site.objectType().equals("com.example.Widget"))
                .singleElement().satisfies(site -> assertThat(site.accumulating()).isTrue());
    }

    @Test
    void aFewLinkedNodesAreNoAccumulationPoint() {
        SiteTracker tracker = trackerWithCollections(Duration.ZERO);
        tracker.record(sample("com.example.Task", 5, 10, LISTENER_SITE, queueChain(ContainerFinder.MIN_LINK_RUN - 1)));

        assertThat(tracker.summaries().get(0).accumulationPoint()).isNull();
    }

    @Test
    void listenersThatKeepArrivingAndStayAliveAreAccumulatingInAGrowingArray() {
        SiteTracker tracker = trackerWithCollections(Duration.ZERO);
        recordFiveSnapshots(tracker, "com.example.Widget", (now, at) -> listenerChain((int) (100 * now)));

        SiteSummary site = tracker.summaries().get(0);
        assertThat(site.accumulating()).isTrue();
        assertThat(site.liveSamples()).isEqualTo(5);
        assertThat(site.liveSamplesAtFirst()).isEqualTo(1);
        assertThat(site.arrivalSnapshots()).isEqualTo(4);
        assertThat(site.retention()).isEqualTo(1.0);
        assertThat(site.oldestAge()).isEqualTo(Duration.ofSeconds(45));
        assertThat(site.accumulationPoint().describe())
                .isEqualTo("CopyOnWriteArrayList (Object[5000]) \u2190 EventBus.listeners");
        assertThat(site.accumulationPoint().firstSize()).isEqualTo(1000);
        assertThat(site.accumulationPoint().grew()).isTrue();
        // The site shows the whole stack, its first application frame marked.
        assertThat(site.allocationSite()).isEqualTo(LISTENER_SITE);
        assertThat(site.frameToShow()).isEqualTo(LISTENER_SITE.get(0));
    }

    @Test
    void requestChurnThatDiesBeforeTheNextSnapshotIsNotAccumulating() {
        SiteTracker tracker = trackerWithCollections(Duration.ZERO);
        for (int snapshot = 1; snapshot <= 5; snapshot++) {
            double now = snapshot * 10;
            tracker.record(sample("com.example.Request", now - 0.1, now, LISTENER_SITE, List.of()));
            tracker.record(sample("com.example.Request", now - 0.2, now, LISTENER_SITE, List.of()));
        }

        SiteSummary site = tracker.summaries().get(0);
        assertThat(site.liveSamples()).isEqualTo(2);
        // Each was seen once, before any collection could have cleared it: no survivor to judge retention by.
        assertThat(site.retention()).isNaN();
        assertThat(site.arrivalSnapshots()).isZero();
        assertThat(site.accumulating()).isFalse();
    }

    @Test
    void aStructureBuiltAtStartIsNotAccumulating() {
        SiteTracker tracker = trackerWithCollections(Duration.ofSeconds(30));
        for (int snapshot = 1; snapshot <= 6; snapshot++) {
            for (int i = 0; i < 10; i++) {
                tracker.record(sample("com.example.Index", 1 + i * 0.1, snapshot * 20, LISTENER_SITE, List.of()));
            }
        }

        SiteSummary site = tracker.summaries().get(0);
        assertThat(site.liveSamples()).isEqualTo(10);
        assertThat(site.arrivalSnapshots()).isZero();
        assertThat(site.accumulating()).isFalse();
    }

    @Test
    void garbageTheCollectorHasNotYetSeenIsNotTakenForSurvivors() {
        // Under ZGC a cycle may come seconds apart: between cycles the sampler still lists dead request garbage, so
        // the same objects appear in several snapshots. Without a collection between allocation and sighting,
        // that proves nothing.
        SiteTracker tracker = new SiteTracker(new WarmUpClock(Duration.ZERO));
        List<Double> allocated = new ArrayList<>();
        for (int snapshot = 1; snapshot <= 5; snapshot++) {
            double now = snapshot * 3;
            allocated.add(now - 1);
            for (double at : allocated) {
                tracker.record(sample("byte[]", at, now, LISTENER_SITE, List.of()));
            }
        }
        assertThat(tracker.summaries().get(0).accumulating()).isFalse();

        tracker.noteCollection(T0.plusMillis(8500));
        assertThat(tracker.summaries().get(0).retention()).isEqualTo(1.0);
    }

    @Test
    void aDescriptionGivenByTheReaderBecomesTheSitesExampleValue() {
        SiteTracker tracker = new SiteTracker(new WarmUpClock(Duration.ZERO));
        tracker.record(new ObjectSample("java.util.ArrayList", 1, T0, T0.plusSeconds(10), 24, -1, 0, LISTENER_SITE,
                List.of(), "", "Size: 3"));
        tracker.record(new ObjectSample("java.util.ArrayList", 2, T0.plusSeconds(1), T0.plusSeconds(10), 24, -1, 0,
                LISTENER_SITE, List.of(), ""));

        assertThat(tracker.summaries().get(0).exampleValue()).isEqualTo("Size: 3");
    }

    @Test
    void theSameSnapshotReadTwiceCountsOnce() {
        SiteTracker tracker = new SiteTracker(new WarmUpClock(Duration.ZERO));
        for (int copy = 0; copy < 2; copy++) {
            tracker.record(sample("com.example.Widget", 5, 10, LISTENER_SITE, List.of()));
        }

        assertThat(tracker.snapshotCount()).isEqualTo(1);
        assertThat(tracker.summaries().get(0).liveSamples()).isEqualTo(1);
    }

    @Test
    void keepsABoundedNumberOfSnapshots() {
        SiteTracker tracker = new SiteTracker(new WarmUpClock(Duration.ZERO));
        for (int snapshot = 1; snapshot <= SiteTracker.MAX_SNAPSHOTS + 40; snapshot++) {
            tracker.record(sample("com.example.Request", snapshot - 0.5, snapshot, LISTENER_SITE, List.of()));
        }

        assertThat(tracker.snapshotCount()).isEqualTo(SiteTracker.MAX_SNAPSHOTS);
        assertThat(tracker.summaries()).hasSize(1);
    }

    @Test
    void aTimeBeyondWhatNanosecondsCanHoldDoesNotStopTheTracker() {
        SiteTracker tracker = new SiteTracker(new WarmUpClock(Duration.ZERO));
        tracker.noteCollection(T0.plusSeconds(1));
        tracker.record(new ObjectSample("com.example.Damaged", 1, Instant.MIN, T0.plusSeconds(2), 64, -1, 0,
                LISTENER_SITE, List.of(), ""));
        tracker.record(new ObjectSample("com.example.Damaged", 2, T0, Instant.MAX, 64, -1, 0, LISTENER_SITE,
                List.of(), ""));

        assertThat(tracker.summaries()).extracting(SiteSummary::objectType).containsOnly("com.example.Damaged");
    }
}
