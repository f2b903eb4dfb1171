package io.leakwatch.core.internal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.ToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;

class LevelHistoryTest {
    private static final ToLongFunction<Long> MB = mb -> mb * 1_000_000;

    @Test
    void aFlushedBufferHasThePeakBeforeItsLatestFlush() {
        LevelHistory buffer = LevelHistory.of(List.of(20L, 40L, 60L, 80L, 21L, 22L, 40L, 61L), MB);

        assertThat(buffer.peakBeforeLastDrop(4e6)).isEqualTo(80e6);
    }

    @Test
    void aSteadyLeakWithNoiseNeverDropped() {
        LevelHistory leak = LevelHistory.of(List.of(20L, 23L, 22L, 26L, 25L, 29L, 28L, 32L), MB);

        assertThat(leak.peakBeforeLastDrop(4e6)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void oneLowMeasurementIsNoDrop() {
        LevelHistory leak = LevelHistory.of(List.of(20L, 24L, 28L, 18L, 31L, 35L), MB);

        assertThat(leak.peakBeforeLastDrop(4e6)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void anEmptyOrShortSeriesNeverDropped() {
        assertThat(LevelHistory.of(List.<Long>of(), MB).peakBeforeLastDrop(1)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(LevelHistory.of(List.of(50L, 10L), MB).peakBeforeLastDrop(1)).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
