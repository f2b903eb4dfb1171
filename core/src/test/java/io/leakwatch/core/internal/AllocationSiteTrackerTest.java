package io.leakwatch.core.internal;

import io.leakwatch.core.AllocationSample;
import io.leakwatch.core.ApplicationCode;
import io.leakwatch.core.StackFrame;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AllocationSiteTrackerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<StackFrame> CACHE = List.of(new StackFrame("com.example.Cache", "put", 12),
            new StackFrame("com.example.Service", "handle", 40));
    private static final List<StackFrame> REQUEST = List.of(new StackFrame("com.example.Request", "<init>", 7),
            new StackFrame("com.example.Service", "handle", 38));

    private static AllocationSample sample(Duration at, List<StackFrame> stack, long weight) {
        return new AllocationSample(T0.plus(at), "byte[]", weight, stack);
    }

    @Test
    void aSiteSampledEveryMinuteOfTheWindowIsOneSiteWithAllItsWeight() {
        AllocationSiteTracker tracker = new AllocationSiteTracker(ApplicationCode.notLibraries());
        for (int minute = 0; minute < 10; minute++) {
            tracker.record(sample(Duration.ofMinutes(minute), CACHE, 300));
            tracker.record(sample(Duration.ofMinutes(minute).plusSeconds(30), REQUEST, 100));
        }

        AllocationSiteTracker.Site top = tracker.topSite("byte[]");
        assertThat(top.frames()).isEqualTo(CACHE);
        assertThat(top.share()).isEqualTo(0.75);
        assertThat(top.samples()).isEqualTo(20);
    }

    @Test
    void minutesThatLeaveTheWindowNoLongerCount() {
        AllocationSiteTracker tracker = new AllocationSiteTracker(ApplicationCode.notLibraries());
        tracker.record(sample(Duration.ZERO, CACHE, 1000));
        tracker.record(sample(Duration.ofMinutes(9), REQUEST, 100));
        assertThat(tracker.topSite("byte[]").frames()).isEqualTo(CACHE);

        // Minute 10 makes the window minutes 1-10: the cache's minute 0 is gone, and with it the site.
        tracker.record(sample(Duration.ofMinutes(10), REQUEST, 100));
        AllocationSiteTracker.Site top = tracker.topSite("byte[]");
        assertThat(top.frames()).isEqualTo(REQUEST);
        assertThat(top.share()).isEqualTo(1.0);
        assertThat(top.samples()).isEqualTo(2);

        // A late sample from before the window changes nothing; one from an earlier minute inside it counts.
        tracker.record(sample(Duration.ofSeconds(30), CACHE, 1000));
        tracker.record(sample(Duration.ofMinutes(5), CACHE, 100));
        assertThat(tracker.topSite("byte[]").share()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aTypeNotSampledForAWholeWindowIsForgotten() {
        AllocationSiteTracker tracker = new AllocationSiteTracker(ApplicationCode.notLibraries());
        tracker.record(sample(Duration.ZERO, CACHE, 1000));
        tracker.record(new AllocationSample(T0.plus(Duration.ofMinutes(25)), "java.lang.String", 10, REQUEST));

        assertThat(tracker.topSite("byte[]")).isNull();
        assertThat(tracker.topSite("java.lang.String").frames()).isEqualTo(REQUEST);
        assertThat(tracker.sampleCount()).isEqualTo(2);
    }
}
