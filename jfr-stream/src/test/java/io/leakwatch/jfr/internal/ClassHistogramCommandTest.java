package io.leakwatch.jfr.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClassHistogramCommandTest {
    @Test
    void aConcurrentCycleIsChargedInTheShareOfTheMachineItsThreadsTake() {
        int processors = Runtime.getRuntime().availableProcessors();
        assertThat(ClassHistogramCommand.cycleShare("1")).isCloseTo(Math.min(1, 1.0 / processors), within(1e-9));
        assertThat(ClassHistogramCommand.cycleShare(Integer.toString(processors * 4))).isEqualTo(1);
        assertThat(ClassHistogramCommand.cycleShare("0")).isEqualTo(1);
        assertThat(ClassHistogramCommand.cycleShare("unknown")).isEqualTo(1);
    }
}
