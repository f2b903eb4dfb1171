package io.leakwatch.jfr.internal;

import io.leakwatch.core.ReferenceStep;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OldObjectSampleHandlerTest {

    @Test
    void aLongChainKeepsBothEndsAndSaysHowManyStepsItLeftOut() {
        // A task deep in a queue: 300 nodes between it and the queue, then the executor and its static field.
        List<ReferenceStep> chain = new ArrayList<>();
        chain.add(new ReferenceStep("java.util.concurrent.FutureTask", "callable", false, null, -1, -1, 0));
        for (int i = 0; i < 300; i++) {
            chain.add(new ReferenceStep("java.util.concurrent.LinkedBlockingQueue$Node", "next", false, null, -1, -1,
                    0));
        }
        chain.add(new ReferenceStep("java.util.concurrent.LinkedBlockingQueue", "head", false, null, -1, -1, 0));
        chain.add(new ReferenceStep("java.lang.Class", "POOL", true, "com.example.App", -1, -1, 0));

        List<ReferenceStep> kept = OldObjectSampleHandler.withoutMiddle(chain);

        assertThat(kept).hasSize(OldObjectSampleHandler.MAX_CHAIN);
        assertThat(kept.get(0)).isEqualTo(chain.get(0));
        assertThat(kept.subList(kept.size() - 2, kept.size())).isEqualTo(chain.subList(chain.size() - 2, chain.size()));
        assertThat(ReferenceStep.describe(kept)).containsExactly("FutureTask.callable",
                "LinkedBlockingQueue$Node.next \u00d7 300", "LinkedBlockingQueue.head", "static App.POOL");
    }

    @Test
    void aShortChainIsKeptWhole() {
        List<ReferenceStep> chain = List.of(new ReferenceStep("com.example.Cache", "map", false, null, -1, -1, 0));

        assertThat(OldObjectSampleHandler.withoutMiddle(chain)).isEqualTo(chain);
    }
}
