package io.leakwatch.jfr.internal;

import io.leakwatch.core.ClassHistogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClassHistogramParserTest {
    /** As printed by GC.class_histogram on JDK 17.0.15 (JDK 25 prints the same columns). */
    private static final String JDK17_OUTPUT = """
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:          9672         446800  [B (java.base@17.0.15)
               2:          1978         240864  java.lang.Class (java.base@17.0.15)
               3:          1833         127344  [Ljava.lang.Object; (java.base@17.0.15)
               4:           120           2880  com.example.Customer
            Total         13603         817888
            """;

    @Test
    void readsEveryLineAndTheTotal() {
        ClassHistogramParser.Parsed parsed = ClassHistogramParser.parse(JDK17_OUTPUT);

        assertThat(parsed.entries()).containsExactly(new ClassHistogram.Entry("byte[]", 9672, 446800),
                new ClassHistogram.Entry("java.lang.Class", 1978, 240864),
                new ClassHistogram.Entry("java.lang.Object[]", 1833, 127344),
                new ClassHistogram.Entry("com.example.Customer", 120, 2880));
        assertThat(parsed.totalInstances()).isEqualTo(13603);
        assertThat(parsed.totalBytes()).isEqualTo(817888);
    }

    @Test
    void rejectsTextThatIsNoHistogram() {
        assertThatThrownBy(() -> ClassHistogramParser.parse("GC.class_histogram: command not found"))
                .hasMessageContaining("not a class histogram");
    }

    @Test
    void theLiveJvmsHistogramParses() {
        ClassHistogramParser.Parsed parsed = ClassHistogramParser.parse(liveHistogram());

        assertThat(parsed.entries()).isNotEmpty();
        assertThat(parsed.entries()).extracting(ClassHistogram.Entry::typeName).contains("java.lang.String");
        assertThat(parsed.totalBytes()).isEqualTo(parsed.entries().stream().mapToLong(ClassHistogram.Entry::bytes)
                .sum());
    }

    private static String liveHistogram() {
        try {
            return (String) java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram", new Object[]{new String[0]}, new String[]{String[].class.getName()});
        } catch (javax.management.JMException e) {
            throw new AssertionError(e);
        }
    }
}
