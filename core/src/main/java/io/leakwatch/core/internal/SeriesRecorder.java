package io.leakwatch.core.internal;

import io.leakwatch.core.LeakKind;
import io.leakwatch.core.SeriesPoint;

import java.time.Instant;
import java.util.List;

/**
 * The values of one series of a kind outside the heap: every sample, and the measurements among them (for class
 * metadata and direct memory, the values right after collections that free what is dead; else every sample is a
 * measurement). Bounded like the live set's series: at most 512 of each, thinned by keeping the lower of each merged
 * pair, and fitted on at most 128. Not thread-safe.
 */
final class SeriesRecorder {
    private static final int CAPACITY = 512;

    private final ThinnedSeries<SeriesPoint> samples = new ThinnedSeries<>(CAPACITY, SeriesRecorder::lower,
            SeriesPoint::time);
    private final ThinnedSeries<SeriesPoint> measured;
    private final boolean samplesAreMeasurements;

    /** @param samplesAreMeasurements whether every sample is a measurement (threads, native memory) */
    SeriesRecorder(boolean samplesAreMeasurements) {
        this.samplesAreMeasurements = samplesAreMeasurements;
        this.measured = samplesAreMeasurements ? samples
                : new ThinnedSeries<>(CAPACITY, SeriesRecorder::lower, SeriesPoint::time);
    }

    void sample(Instant time, long value) {
        samples.add(new SeriesPoint(time, value));
    }

    /** A value that measures the series (only for a recorder whose samples are not all measurements). */
    void measurement(Instant time, long value) {
        if (samplesAreMeasurements) {
            throw new IllegalStateException("every sample of this series is a measurement already");
        }
        measured.add(new SeriesPoint(time, value));
    }

    boolean isEmpty() {
        return samples.points().isEmpty();
    }

    /** The series as of now, trends starting at {@code trendStart} (the end of the warm-up). */
    KindSeries series(LeakKind kind, String name, String note, Instant trendStart, long maxValue,
                      double material) {
        List<SeriesPoint> trend = LiveSetTracker.lowestOfGroups(measured.pointsSince(trendStart),
                LiveSetTracker.MAX_TREND_POINTS, SeriesPoint::value);
        List<SeriesPoint> envelope = samplesAreMeasurements ? List.of() : LiveSetTracker.lowestOfGroups(
                samples.pointsSince(trendStart), LiveSetTracker.MAX_TREND_POINTS, SeriesPoint::value);
        return new KindSeries(kind, name, !isEmpty(), note, measured.points(), trend, samples.points(), envelope,
                maxValue, material);
    }

    private static SeriesPoint lower(SeriesPoint a, SeriesPoint b) {
        return a.value() <= b.value() ? a : b;
    }
}
