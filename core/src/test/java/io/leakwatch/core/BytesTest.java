package io.leakwatch.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BytesTest {
    @Test
    void formatsWithDecimalUnits() {
        assertThat(Bytes.format(950)).isEqualTo("950 B");
        assertThat(Bytes.format(1_234)).isEqualTo("1.2 kB");
        assertThat(Bytes.format(45_000_000)).isEqualTo("45.0 MB");
        assertThat(Bytes.format(-2_500_000_000.0)).isEqualTo("-2.5 GB");
    }
}
