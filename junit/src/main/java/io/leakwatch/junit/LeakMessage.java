package io.leakwatch.junit;

import io.leakwatch.core.Bytes;
import io.leakwatch.core.ReferenceStep;
import io.leakwatch.core.StackFrame;

import java.util.Locale;
import java.util.stream.Collectors;

/** The text of a failed leak test, rendered from its {@link Leak} in the layout of Leakwatch's text report. */
final class LeakMessage {
    /** Companion types listed by name; the rest are counted. */
    private static final int SHOWN_COMPANIONS = 6;

    private LeakMessage() {
    }

    static String render(Leak leak) {
        GrowingType type = leak.type();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Leak: %s grew with every iteration: a new high in %d of %d"
                        + " iterations, %s per iteration (%d instances after %d warm-up iterations, %d at the end)%n",
                type.typeName(), type.risingIterations(), type.iterations(), perIteration(type),
                type.instancesBefore(), leak.warmUpIterations(), type.instancesAfter()));
        if (!leak.growingWithIt().isEmpty()) {
            text.append("  growing with it, per iteration: ").append(leak.growingWithIt().stream()
                    .limit(SHOWN_COMPANIONS).map(other -> other.typeName() + " " + perIteration(other))
                    .collect(Collectors.joining(", ")));
            int more = leak.growingWithIt().size() - SHOWN_COMPANIONS;
            text.append(more > 0 ? ", and " + more + " more types" : "").append('\n');
        }
        Leak.Sample sample = leak.sample();
        if (sample == null) {
            text.append("  allocated at: unknown: ").append(leak.noSampleReason()).append('\n');
            return text.toString();
        }
        text.append("  allocated at").append(sampleNote(sample, type.typeName())).append(":\n");
        for (StackFrame frame : sample.allocationSite()) {
            text.append("    ").append(frame).append('\n');
        }
        if (sample.heldBy().isEmpty()) {
            text.append("  held by: unknown (the JVM found no path to a GC root in its time)\n");
        } else {
            text.append("  held by, nearest first:\n");
            for (String line : ReferenceStep.describe(sample.heldBy())) {
                text.append("    ").append(line).append('\n');
            }
            if (!sample.rootDescription().isEmpty()) {
                text.append("    root: ").append(sample.rootDescription()).append('\n');
            }
        }
        if (!sample.accumulatesIn().isEmpty()) {
            text.append("  accumulates in: ").append(sample.accumulatesIn()).append('\n');
        }
        return text.toString();
    }

    /** What the sampled object is, when it is not an object of the leaking type itself. */
    private static String sampleNote(Leak.Sample sample, String leakingType) {
        boolean other = !sample.growingType().equals(leakingType);
        if (sample.direct()) {
            return other ? " (a sampled " + sample.sampledType() + ", which grew with it)" : "";
        }
        return " (a sampled " + sample.sampledType() + (other ? " that " + sample.growingType()
                + " holds, which grew with it)" : " it holds)");
    }

    private static String perIteration(GrowingType type) {
        return String.format(Locale.ROOT, "%+.1f instances (%s)", type.instancesPerIteration(),
                (type.bytesPerIteration() >= 0 ? "+" : "") + Bytes.format(type.bytesPerIteration()));
    }
}
