package io.leakwatch.junit;

import io.leakwatch.core.ReferenceStep;
import io.leakwatch.core.StackFrame;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LeakMessageTest {
    private static final GrowingType SESSION = new GrowingType("com.example.Session", 5, 25, 80, 400, 20, 20);
    private static final GrowingType BUFFER = new GrowingType("byte[]", 900, 920, 90_000, 1_400_000, 20, 19);
    private static final List<StackFrame> SITE = List.of(new StackFrame("com.example.Session", "<init>", 19),
            new StackFrame("com.example.SessionService", "open", 11));
    private static final List<ReferenceStep> HOLDERS = List.of(
            new ReferenceStep("java.util.HashMap$Node", "value", false, null, -1, -1, 0),
            new ReferenceStep("java.util.HashMap$Node[]", null, false, null, 3, 64, 0),
            new ReferenceStep("java.util.HashMap", "table", false, null, -1, -1, 0),
            new ReferenceStep("java.lang.Class", "SESSIONS", true, "com.example.SessionService", -1, -1, 0));

    @Test
    void aLeakReadsTypeGrowthSiteAndHoldersTopToBottom() {
        Leak leak = new Leak(SESSION, List.of(BUFFER), 5, new Leak.Sample("com.example.Session", "byte[]", SITE,
                HOLDERS, "Threads / Stack Variable", "HashMap$Node[64] \u2190 HashMap.table", 7), "");

        assertThat(LeakMessage.render(leak)).isEqualTo("""
                Leak: com.example.Session grew with every iteration: a new high in 20 of 20 iterations, +1.0\
                 instances (+16 B) per iteration (5 instances after 5 warm-up iterations, 25 at the end)
                  growing with it, per iteration: byte[] +1.0 instances (+65.5 kB)
                  allocated at (a sampled byte[] it holds):
                    com.example.Session.<init>:19
                    com.example.SessionService.open:11
                  held by, nearest first:
                    HashMap$Node.value
                    HashMap$Node[64]
                    HashMap.table
                    static SessionService.SESSIONS
                    root: Threads / Stack Variable
                  accumulates in: HashMap$Node[64] \u2190 HashMap.table
                """);
    }

    @Test
    void aSampleOfAnotherGrowingTypeSaysSo() {
        Leak direct = new Leak(SESSION, List.of(BUFFER), 5, new Leak.Sample("byte[]", "byte[]", SITE, HOLDERS, "",
                "", 1), "");
        Leak held = new Leak(SESSION, List.of(BUFFER), 5, new Leak.Sample("byte[]", "long[]", SITE, HOLDERS, "",
                "", 1), "");

        assertThat(LeakMessage.render(direct)).contains("  allocated at (a sampled byte[], which grew with it):\n");
        assertThat(LeakMessage.render(held)).contains("  allocated at (a sampled long[] that byte[] holds, which grew"
                + " with it):\n");
    }

    @Test
    void withoutASampleTheMessageSaysWhy() {
        Leak leak = new Leak(SESSION, List.of(), 5, null, "the sampler picked none of their objects");

        assertThat(LeakMessage.render(leak)).endsWith("\n  allocated at: unknown: the sampler picked none of their"
                + " objects\n").doesNotContain("growing with it");
    }
}
