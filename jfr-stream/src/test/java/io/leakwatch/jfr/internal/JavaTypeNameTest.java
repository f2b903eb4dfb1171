package io.leakwatch.jfr.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JavaTypeNameTest {
    @Test
    void turnsJvmArrayNamesIntoJavaNotation() {
        assertThat(JavaTypeName.of("[J")).isEqualTo("long[]");
        assertThat(JavaTypeName.of("[[B")).isEqualTo("byte[][]");
        assertThat(JavaTypeName.of("[Ljava.lang.Object;")).isEqualTo("java.lang.Object[]");
        assertThat(JavaTypeName.of("[[Ljava.util.HashMap$Node;")).isEqualTo("java.util.HashMap$Node[][]");
        assertThat(JavaTypeName.of("java.lang.String")).isEqualTo("java.lang.String");
        assertThat(JavaTypeName.of("long[]")).isEqualTo("long[]");
    }
}
