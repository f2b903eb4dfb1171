package io.leakwatch.jfr;

import io.leakwatch.core.ClassHistogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class HeapInspectionTest {
    private final List<Retained> retained = new ArrayList<>();

    @Test
    void countsExactlyTheLiveInstancesOfAType() {
        long before = instances(HeapInspection.classHistogram());
        for (int i = 0; i < 1000; i++) {
            retained.add(new Retained());
            new Retained(); // garbage: the inspection's full collection frees it
        }

        ClassHistogram after = HeapInspection.classHistogram();

        assertThat(after.afterFullGc()).isTrue();
        assertThat(instances(after) - before).isEqualTo(1000);
        assertThat(after.entries()).anyMatch(entry -> entry.typeName().equals("byte[]"));
    }

    @Test
    void underZgcCountsOnlyTheLiveInstancesToo(@TempDir Path work) throws Exception {
        // Generational ZGC (JDK 25) collects with System.gc() and then counts all objects; ZGC on 17 walks from roots.
        Path log = work.resolve("child.log");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseZGC", "-Xmx512m", "-cp", classPath, UnderZgc.class.getName()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        } finally {
            child.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output.strip()).as(output).isEqualTo("1000 more");
    }

    /** Keeps 1,000 objects, drops a million, and says how many more the inspection counts than before. */
    static final class UnderZgc {
        static final List<Retained> KEPT = new ArrayList<>();
        static volatile Object sink;

        public static void main(String[] args) {
            long before = instances(HeapInspection.classHistogram());
            for (int i = 0; i < 1000; i++) {
                KEPT.add(new Retained());
                for (int j = 0; j < 1000; j++) {
                    sink = new Retained();
                }
            }
            sink = null;
            System.out.println(instances(HeapInspection.classHistogram()) - before + " more");
        }
    }

    private static long instances(ClassHistogram histogram) {
        return histogram.entries().stream().filter(entry -> entry.typeName().equals(Retained.class.getName()))
                .mapToLong(ClassHistogram.Entry::instances).sum();
    }

    private static final class Retained {
    }
}
