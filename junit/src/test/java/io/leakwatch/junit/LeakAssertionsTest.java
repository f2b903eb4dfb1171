package io.leakwatch.junit;

import io.leakwatch.core.ReferenceStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@Isolated // its leak tests run in this JVM: concurrent tests would be counted in their inspections
class LeakAssertionsTest {
    /** Larger than any TLAB (and humongous in G1), so the JVM's sampler is offered every one of them. */
    private static final int LARGE = 5 << 20;
    static final List<Buffer> BUFFERS = new ArrayList<>();

    @AfterEach
    void release() {
        BUFFERS.clear();
    }

    @Test
    void aLeakOfLargeBuffersNamesTheirAllocationSiteAndTheStaticFieldThatHoldsThem() {
        LeakAssertionError failure = catchThrowableOfType(LeakAssertionError.class,
                () -> LeakAssertions.assertNoLeak(2, 10, () -> BUFFERS.add(new Buffer())));

        Leak leak = failure.leak();
        assertThat(leak.type().typeName()).isEqualTo(Buffer.class.getName());
        assertThat(leak.growingWithIt()).extracting(GrowingType::typeName).contains("byte[]");
        Leak.Sample sample = leak.sample();
        assertThat(sample).as(failure.getMessage()).isNotNull();
        assertThat(sample.sampledType()).isEqualTo("byte[]");
        assertThat(sample.direct()).isFalse();
        assertThat(sample.firstApplicationFrame().toString()).startsWith(Buffer.class.getName() + ".<init>:");
        assertThat(ReferenceStep.describe(sample.heldBy())).last().isEqualTo("static LeakAssertionsTest.BUFFERS");
        assertThat(failure.getMessage()).contains("allocated at (a sampled byte[] it holds):", "held by, nearest first:",
                "    static LeakAssertionsTest.BUFFERS\n");
    }

    @Test
    void workThatLeavesNothingBehindPasses() throws Throwable {
        List<byte[]> scratch = new ArrayList<>();

        LeakAssertions.assertNoLeak(() -> {
            scratch.clear();
            scratch.add(new byte[LARGE]);
        });
    }

    @Test
    void countsOutOfRangeAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> LeakAssertions.assertNoLeak(-1, 20, () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("warmUp must not be negative, was -1");
    }

    static final class Buffer {
        final byte[] data = new byte[LARGE];
    }
}
