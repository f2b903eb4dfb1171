package io.leakwatch.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceStepTest {
    @Test
    void describesFieldsArraysStaticsAndLambdasAsAReaderWouldWriteThem() {
        assertThat(new ReferenceStep("java.util.HashMap", "table", false, null, -1, -1, 0).describe())
                .isEqualTo("HashMap.table");
        assertThat(new ReferenceStep("java.util.HashMap$Node[]", null, false, null, 3, 4096, 0).describe())
                .isEqualTo("HashMap$Node[4096]");
        assertThat(new ReferenceStep("java.lang.Class", "CACHE", true, "com.example.Registry", -1, -1, 0).describe())
                .isEqualTo("static Registry.CACHE");
        assertThat(new ReferenceStep("com.example.App$$Lambda$14/0x0000000800c0b0d8", "arg$1", false, null, -1, -1,
                0).describe()).isEqualTo("App$$Lambda$14.arg$1");
        assertThat(new ReferenceStep("com.example.App$$Lambda$141+0x00007fe82808e260.1312381159", "arg$1", false,
                null, -1, -1, 0).describe()).isEqualTo("App$$Lambda$141.arg$1");
    }
}
