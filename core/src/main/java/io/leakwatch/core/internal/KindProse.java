package io.leakwatch.core.internal;

import io.leakwatch.core.Durations;
import io.leakwatch.core.Evidence;
import io.leakwatch.core.Finding;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.LeakKind;
import io.leakwatch.core.Odds;
import io.leakwatch.core.Rule;
import io.leakwatch.core.StackFrame;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The English of the kinds outside the heap, as {@link Prose} is the heap's: a kind's reason and next step from its
 * findings, and its growth as evidence. Reads numbers from findings; decides nothing.
 */
final class KindProse {
    private KindProse() {
    }

    /** The reason from a kind's decisive finding (the first) and the ones after it. */
    static String reason(List<Finding> findings, LeakCandidate candidate) {
        Finding decisive = findings.get(0);
        LeakKind kind = decisive.kind();
        RuleSet rules = RuleSet.of(kind, decisive.series());
        String name = subject(kind, decisive.series());
        boolean named = has(findings, Rule.KIND_CODE_NAMED) && candidate != null;
        return switch (decisive.rule()) {
            case KIND_GROWS -> growth(name + " grew by", decisive, rules)
                    + (kind == LeakKind.NATIVE_MEMORY ? "" : named ? ", and " + code(candidate)
                    : ", but nothing recorded names the code behind it") + exhaustion(decisive) + ".";
            case KIND_EXHAUSTED -> String.format(Locale.ROOT, "%s is nearly exhausted: %s of at most %s in the latest"
                            + " %.0f measurements", name, kind.format(decisive.value(rules.unit("latestLevel%s"))),
                    kind.format(decisive.value(rules.maxName())), decisive.value("measurements"))
                    + (kind == LeakKind.NATIVE_MEMORY ? "" : named ? ", and " + code(candidate)
                    : ", and nothing recorded names the code behind it") + ".";
            case KIND_MAY_GROW -> growth(name + " may be growing, by", decisive, rules) + String.format(Locale.ROOT,
                    ", but not yet clearly enough to call it a leak (that takes evidence of %s and growth of %s).",
                    Odds.format(decisive.threshold("logBayesFactor")),
                    kind.format(decisive.threshold(rules.unit("growth%s"))));
            case KIND_BACK_TO_EARLIER_PEAK -> String.format(Locale.ROOT, "%s went up and down over %s (%.0f"
                            + " measurements): it is now near %s, no higher than the %s it reached before it last"
                            + " dropped.", name, seconds(decisive.value("spanSeconds")), decisive.value("points"),
                    kind.format(decisive.value(rules.unit("latestLevel%s"))),
                    kind.format(decisive.value(rules.unit("peakBeforeDrop%s"))));
            case KIND_NOT_GROWING -> String.format(Locale.ROOT, "%s stayed near %s over %s (%.0f %s): it grows by at"
                            + " most %s/min (at %.0f%% confidence), slower than the %s/min that matters.", name,
                    kind.format(decisive.value(rules.unit("level%s"))), seconds(decisive.value("spanSeconds")),
                    decisive.value("points"), measurements(kind),
                    kind.format(Math.max(0, decisive.value(rules.unit("slopeUpperBound%sPerSecond"))) * 60),
                    100 * decisive.threshold("confidence"),
                    kind.format(decisive.threshold(rules.unit("slopeUpperBound%sPerSecond")) * 60));
            case KIND_LEVELLED_OFF -> String.format(Locale.ROOT, "%s grew from %s, then levelled off near %s over the"
                            + " latest %s (%.0f %s, now at most %s/min): %s.", name,
                    kind.format(decisive.value(rules.unit("lowestEarlier%s"))),
                    kind.format(decisive.value(rules.unit("level%s"))), seconds(decisive.value("spanSeconds")),
                    decisive.value("points"), measurements(kind),
                    kind.format(Math.max(0, decisive.value(rules.unit("slopeUpperBound%sPerSecond"))) * 60),
                    levelledOffLike(kind));
            case KIND_SAMPLES_BOUND_GROWTH -> String.format(Locale.ROOT, "%s, sampled throughout (an upper bound of"
                            + " its measurements), grew by at most %s/min over %s, slower than the %s/min that"
                            + " matters.", name,
                    kind.format(Math.max(0, decisive.value(rules.unit("bound%sPerSecond"))) * 60),
                    seconds(decisive.value("spanSeconds")),
                    kind.format(decisive.threshold(rules.unit("bound%sPerSecond")) * 60));
            case KIND_SAMPLES_RISE -> String.format(Locale.ROOT, "%s, sampled after every collection, rose by %s/min"
                            + " over %s, but too few %s (%.0f) tell growth from what is dead and not yet freed.", name,
                    kind.format(decisive.value(rules.unit("slope%sPerSecond")) * 60),
                    seconds(decisive.value("spanSeconds")), measurements(kind), decisive.value("measurements"));
            case KIND_TOO_LITTLE_EVIDENCE -> String.format(Locale.ROOT, "Not enough evidence about %s yet: %.0f %s"
                    + " over %s after the warm-up.", name.toLowerCase(Locale.ROOT), decisive.value("points"),
                    measurements(kind), seconds(decisive.value("spanSeconds")));
            default -> throw new IllegalArgumentException(decisive.rule() + " is not a rule of the kinds");
        };
    }

    /** What would settle or confirm a kind's verdict, or empty. */
    static String nextStep(List<Finding> findings) {
        Finding decisive = findings.get(0);
        LeakKind kind = decisive.kind();
        return switch (decisive.rule()) {
            case KIND_GROWS, KIND_EXHAUSTED -> kind == LeakKind.NATIVE_MEMORY ? "Native Memory Tracking says which"
                    + " category grows, not which code: run with -XX:NativeMemoryTracking=detail and compare"
                    + " `jcmd <pid> VM.native_memory detail` over time (baseline, then detail.diff) for the call"
                    + " sites." : has(findings, Rule.KIND_CODE_NAMED) ? "" : toName(kind);
            case KIND_MAY_GROW, KIND_BACK_TO_EARLIER_PEAK, KIND_TOO_LITTLE_EVIDENCE ->
                    "Watch for longer: a few more measurements settle it.";
            case KIND_SAMPLES_RISE -> "Take heap inspections some time apart (their full collections free what is"
                    + " dead), or record longer so that old or full collections occur; the live monitor inspects on"
                    + " suspicion.";
            default -> "";
        };
    }

    /** One sentence for a kind that leaks beside the decisive one. */
    static String alsoLeaking(List<Finding> findings, LeakCandidate candidate) {
        Finding decisive = findings.get(0);
        RuleSet rules = RuleSet.of(decisive.kind(), decisive.series());
        String rate = decisive.values().containsKey(rules.unit("slope%sPerSecond"))
                ? " by " + decisive.kind().format(decisive.value(rules.unit("slope%sPerSecond")) * 60) + "/min" : "";
        return "Also leaking: " + subject(decisive.kind(), decisive.series()).toLowerCase(Locale.ROOT) + " grows"
                + rate + (candidate == null ? "" : ", " + code(candidate)) + ".";
    }

    static Evidence growthEvidence(LeakKind kind, String series, SlopeFit fit) {
        return new Evidence(Evidence.Signal.KIND_GROWTH, String.format(Locale.ROOT, "%s +%s/min over %s (evidence"
                        + " %s)", subject(kind, series).toLowerCase(Locale.ROOT),
                kind.format(fit.slopeBytesPerSecond() * 60), Durations.format(fit.span()),
                Odds.format(fit.logBayesFactor(Thresholds.PRIOR_SCALES_PER_SECOND))));
    }

    /** The series named for a sentence: {@code Metaspace}, {@code The live-thread count}. */
    static String subject(LeakKind kind, String series) {
        return switch (kind) {
            case CLASS_METADATA -> "Metaspace";
            case THREADS -> "The live-thread count";
            case DIRECT_MEMORY -> "Direct memory";
            case NATIVE_MEMORY -> "Native memory of category " + series;
            case HEAP -> "The live set";
        };
    }

    /** The code a candidate names, as a clause. */
    private static String code(LeakCandidate candidate) {
        StackFrame frame = candidate.firstApplicationFrame();
        String at = frame == null ? "" : frame.toString();
        String holder = candidate.accumulationPoint() != null ? candidate.accumulationPoint().describe()
                : candidate.referenceChain().isEmpty() ? ""
                : candidate.referenceChain().get(candidate.referenceChain().size() - 1).describe();
        String held = holder.isEmpty() ? "" : ", held by " + holder;
        return switch (candidate.kind()) {
            case CLASS_METADATA -> "class loaders of type " + candidate.objectType() + " accumulate"
                    + (candidate.growingTypes().isEmpty() ? "" : ", defining "
                    + String.join(", ", candidate.growingTypes()) + " again and again")
                    + (at.isEmpty() ? "" : " from " + at) + held;
            case THREADS -> "threads named " + candidate.namePattern() + (at.isEmpty() ? "" : ", started from " + at)
                    + ", never end";
            case DIRECT_MEMORY -> "direct buffers" + (at.isEmpty() ? "" : " allocated at " + at)
                    + (candidate.growingTypes().isEmpty() ? "" : (at.isEmpty() ? "" : ",") + " with "
                    + String.join(", ", candidate.growingTypes()) + " growing in step") + held;
            case NATIVE_MEMORY -> "native memory of category " + candidate.objectType() + " grows";
            case HEAP -> candidate.objectType() + " grows";
        };
    }

    private static String toName(LeakKind kind) {
        return switch (kind) {
            case CLASS_METADATA -> "Record jdk.ClassDefine with stack traces and jdk.ClassUnload, with heap"
                    + " inspections between (their full collections unload classes); the live monitor does this while"
                    + " class metadata is suspected.";
            case THREADS -> "Record jdk.ThreadStart with stack traces and jdk.ThreadEnd; the live monitor does this"
                    + " while threads are suspected.";
            case DIRECT_MEMORY -> "On JDK 25 or later, trace java.nio.ByteBuffer::allocateDirect with jdk.MethodTrace"
                    + " and stack traces (the live monitor does this while direct memory is suspected); on any JDK,"
                    + " heap inspections show the application types that grow with the buffers.";
            case NATIVE_MEMORY, HEAP -> "";
        };
    }

    private static String levelledOffLike(LeakKind kind) {
        return switch (kind) {
            case CLASS_METADATA -> "start-up loading its classes behaves like this";
            case THREADS -> "a pool growing to its bound behaves like this";
            case DIRECT_MEMORY -> "a pool of buffers filling behaves like this";
            case NATIVE_MEMORY -> "the JIT warming up behaves like this";
            case HEAP -> "a cache filling to its bound behaves like this";
        };
    }

    private static String measurements(LeakKind kind) {
        return switch (kind) {
            case CLASS_METADATA -> "measurements after class unloading";
            case DIRECT_MEMORY -> "measurements after collections that free dead buffers";
            default -> "samples";
        };
    }

    private static String growth(String opening, Finding finding, RuleSet rules) {
        LeakKind kind = finding.kind();
        return String.format(Locale.ROOT, "%s %s/min over %s (%.0f %s, evidence %s)", opening,
                kind.format(finding.value(rules.unit("slope%sPerSecond")) * 60), seconds(finding.value("spanSeconds")),
                finding.value("points"), measurements(kind), Odds.format(finding.value("logBayesFactor")));
    }

    private static String exhaustion(Finding growth) {
        Double seconds = growth.values().get("timeToExhaustionSeconds");
        return seconds == null ? "" : "; at this rate it is exhausted in about " + seconds(seconds);
    }

    private static String seconds(double seconds) {
        return Durations.format(Duration.ofMillis((long) (seconds * 1000)));
    }

    private static boolean has(List<Finding> findings, Rule rule) {
        return findings.stream().anyMatch(finding -> finding.rule() == rule);
    }
}
