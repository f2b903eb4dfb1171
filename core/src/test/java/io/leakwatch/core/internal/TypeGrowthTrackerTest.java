package io.leakwatch.core.internal;

import io.leakwatch.core.ClassHistogram;
import io.leakwatch.core.TypeGrowth;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TypeGrowthTrackerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static ClassHistogram histogram(int minute, boolean afterFullGc, long customers, long strings) {
        return new ClassHistogram(T0.plus(Duration.ofMinutes(minute)), afterFullGc, List.of(
                new ClassHistogram.Entry("com.example.Customer", customers, customers * 24),
                new ClassHistogram.Entry("java.lang.String", strings, strings * 24)));
    }

    @Test
    void ratesAreMeasuredFromTheFirstToTheLatestHistogram() {
        TypeGrowthTracker tracker = new TypeGrowthTracker(new WarmUpClock(Duration.ZERO), 0.05);
        tracker.record(histogram(0, true, 1000, 500));
        tracker.record(histogram(1, true, 2000, 700));
        tracker.record(histogram(2, true, 3000, 400));
        tracker.record(histogram(3, true, 4000, 600));

        List<TypeGrowth> growth = tracker.growth();
        TypeGrowth customer = growth.get(0);
        assertThat(customer.typeName()).isEqualTo("com.example.Customer");
        assertThat(customer.instancesPerMinute()).isEqualTo(1000.0);
        assertThat(customer.bytesPerMinute()).isEqualTo(24_000.0);
        assertThat(customer.steady()).isTrue();
        // Four rising points: Mann-Kendall S = 6, p = 0.045.
        assertThat(customer.pValue()).isCloseTo(0.045, org.assertj.core.data.Offset.offset(0.001));
        // Strings went 500 -> 700 -> 400 -> 600: up overall, but in two of three intervals only.
        TypeGrowth strings = growth.get(1);
        assertThat(strings.growingSteps()).isEqualTo(2);
        assertThat(strings.steady()).isFalse();
    }

    @Test
    void threeInspectionsAreTooFewToCallGrowthSteady() {
        TypeGrowthTracker tracker = new TypeGrowthTracker(new WarmUpClock(Duration.ZERO), 0.05);
        tracker.record(histogram(0, true, 1000, 500));
        tracker.record(histogram(1, true, 2000, 500));
        tracker.record(histogram(2, true, 3000, 500));

        assertThat(tracker.growth().get(0).growingSteps()).isEqualTo(2);
        assertThat(tracker.growth().get(0).steady()).isFalse();
    }

    @Test
    void histogramsThatCountedDeadObjectsAreSetAsideOnceLiveOnesExist() {
        TypeGrowthTracker tracker = new TypeGrowthTracker(new WarmUpClock(Duration.ZERO), 0.05);
        tracker.record(histogram(0, true, 1000, 500));
        tracker.record(histogram(1, false, 90_000, 500));
        tracker.record(histogram(2, true, 1000, 500));

        assertThat(tracker.growth()).isEmpty();
    }

    @Test
    void theSameHistogramTwiceIsKeptOnce() {
        TypeGrowthTracker tracker = new TypeGrowthTracker(new WarmUpClock(Duration.ZERO), 0.05);
        tracker.record(histogram(0, true, 1000, 500));
        tracker.record(histogram(0, true, 1000, 500));

        assertThat(tracker.histogramCount()).isEqualTo(1);
        assertThat(tracker.growth()).isEmpty();
    }
}
