package io.leakwatch.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnalyzerConfigTest {

    @Test
    void badSettingsFailAtBuildNamingTheSettingAndTheValue() {
        assertThatThrownBy(() -> AnalyzerConfig.builder().falseAlarmRate(0.5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("falseAlarmRate")
                .hasMessageContaining("was 0.5");
        assertThatThrownBy(() -> AnalyzerConfig.builder().missRate(0).build())
                .hasMessageContaining("missRate must be in (0, 0.5], was 0.0");
        assertThatThrownBy(() -> AnalyzerConfig.builder().exhaustionHorizon(Duration.ofSeconds(5)).build())
                .hasMessageContaining("exhaustionHorizon must be at least 1 minute");
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
