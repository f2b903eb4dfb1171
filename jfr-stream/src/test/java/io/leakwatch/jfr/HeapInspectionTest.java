package io.leakwatch.jfr;

import io.leakwatch.core.ClassHistogram;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

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

    private static long instances(ClassHistogram histogram) {
        return histogram.entries().stream().filter(entry -> entry.typeName().equals(Retained.class.getName()))
                .mapToLong(ClassHistogram.Entry::instances).sum();
    }

    private static final class Retained {
    }
}
