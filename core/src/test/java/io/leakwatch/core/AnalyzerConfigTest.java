package io.leakwatch.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnalyzerConfigTest {

    @Test
    void badSettingsFailAtBuildNamingTheSettingAndTheValue() {
        assertThatThrownBy(() -> AnalyzerConfig.builder().minLiveSetPoints(2).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minLiveSetPoints")
                .hasMessageContaining("was 2");
        assertThatThrownBy(() -> AnalyzerConfig.builder().significance(0.9).build())
                .hasMessageContaining("significance must be in (0, 0.5], was 0.9");
        assertThatThrownBy(() -> AnalyzerConfig.builder().warmUp(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("warmUp must not be negative");
        assertThatThrownBy(() -> AnalyzerConfig.builder().gcWindows(List.of(Duration.ofMillis(10))).build())
                .hasMessageContaining("every GC window must be at least 1 s");
    }

    @Test
    void materialGrowthIsTheLargerOfTheFloorAndTheHeapShare() {
        AnalyzerConfig config = AnalyzerConfig.defaults();

        assertThat(config.materialGrowthBytes(0)).isEqualTo(4L << 20);
        assertThat(config.materialGrowthBytes(8_000_000_000L)).isEqualTo(80_000_000.0);
    }
}
