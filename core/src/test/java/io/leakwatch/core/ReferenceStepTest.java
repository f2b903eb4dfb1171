package io.leakwatch.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceStepTest {
    private static ReferenceStep field(String holder, String field) {
        return new ReferenceStep(holder, field, false, null, -1, -1, 0);
    }

    @Test
    void aRunOfLinkedNodesReadsAsOneLineWithItsLength() {
        List<ReferenceStep> chain = new ArrayList<>();
        chain.add(field("java.util.LinkedList$Node", "item"));
        for (int i = 0; i < 70; i++) {
            chain.add(field("java.util.LinkedList$Node", "prev"));
        }
        chain.add(field("java.util.LinkedList", "last"));
        chain.add(new ReferenceStep("java.lang.Class", "LOG", true, "com.example.Audit", -1, -1, 0));

        assertThat(ReferenceStep.describe(chain)).containsExactly("LinkedList$Node.item",
                "LinkedList$Node.prev \u00d7 70", "LinkedList.last", "static Audit.LOG");
    }

    @Test
    void objectsTheJvmLeftOutOfALinkedRunCountAsItsLinks() {
        List<ReferenceStep> chain = new ArrayList<>();
        for (int i = 0; i < 95; i++) {
            chain.add(field("java.util.concurrent.LinkedBlockingQueue$Node", "next"));
        }
        chain.add(new ReferenceStep("java.util.concurrent.LinkedBlockingQueue$Node", null, false, null, -1, -1, 7107));
        for (int i = 0; i < 97; i++) {
            chain.add(field("java.util.concurrent.LinkedBlockingQueue$Node", "next"));
        }
        chain.add(field("java.util.concurrent.LinkedBlockingQueue", "head"));

        assertThat(ReferenceStep.describe(chain)).containsExactly("LinkedBlockingQueue$Node.next \u00d7 7300",
                "LinkedBlockingQueue.head");
    }

    @Test
    void aStepWhereTheJvmLeftObjectsOutSaysHowMany() {
        ReferenceStep elided = new ReferenceStep("com.example.Holder", null, false, null, -1, -1, 12);

        assertThat(elided.describe()).isEqualTo("Holder (12 more left out)");
    }

    @Test
    void twoStepsThroughTheSameFieldStayTwoLines() {
        List<ReferenceStep> chain = List.of(field("java.util.HashMap$Node", "next"),
                field("java.util.HashMap$Node", "next"), new ReferenceStep("java.util.HashMap$Node[]", null, false,
                        null, 3, 16, 0));

        assertThat(ReferenceStep.describe(chain)).containsExactly("HashMap$Node.next", "HashMap$Node.next",
                "HashMap$Node[16]");
        assertThat(ReferenceStep.linkRun(chain, 0)).isEqualTo(2);
        assertThat(ReferenceStep.linkRun(chain, 2)).isEqualTo(1);
    }
}
