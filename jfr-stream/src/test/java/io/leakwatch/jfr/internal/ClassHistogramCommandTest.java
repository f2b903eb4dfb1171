package io.leakwatch.jfr.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClassHistogramCommandTest {
    @Test
    void collectsFirstUnderGenerationalZgcOnly() {
        assertThat(ClassHistogramCommand.generationalZgc(List.of("ZGC Cycles", "ZGC Pauses"))).isFalse();
        assertThat(ClassHistogramCommand.generationalZgc(List.of("ZGC Minor Cycles", "ZGC Minor Pauses",
                "ZGC Major Cycles", "ZGC Major Pauses"))).isTrue();
        assertThat(ClassHistogramCommand.generationalZgc(List.of("G1 Young Generation", "G1 Old Generation",
                "G1 Concurrent GC"))).isFalse();
        assertThat(ClassHistogramCommand.generationalZgc(List.of("PS Scavenge", "PS MarkSweep"))).isFalse();
        assertThat(ClassHistogramCommand.generationalZgc(List.of("Copy", "MarkSweepCompact"))).isFalse();
    }
}
