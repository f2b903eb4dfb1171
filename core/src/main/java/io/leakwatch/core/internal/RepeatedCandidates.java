package io.leakwatch.core.internal;

import io.leakwatch.core.Evidence;
import io.leakwatch.core.JdkTypes;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.StackFrame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes one candidate of each leak. One leak can be sampled at several allocation sites (a listener and the widget it
 * captures, a map's keys and its values): they accumulate in the same container, and one of them says everything.
 * Without a container, one application line that allocated a candidate named after a JDK type and another ties them:
 * under generational ZGC, with no chain, a session's {@code Cart} and the {@code ConcurrentHashMap} of its attributes
 * (at twice its rate) grew as two candidates, both "allocated at" the servlet line that creates the session and its
 * cart. Two candidates named after application classes stay apart even then: a shared helper's line can allocate for
 * two leaks.
 */
final class RepeatedCandidates {
    private RepeatedCandidates() {
    }

    /** The ranked candidates with each leak's repeats merged into the first of them, in rank order. */
    static List<LeakCandidate> merged(List<LeakCandidate> ranked) {
        Map<Object, LeakCandidate> best = new LinkedHashMap<>();
        Map<StackFrame, Object> leakOfLine = new HashMap<>();
        for (LeakCandidate candidate : ranked) {
            if (candidate.accumulationPoint() != null) {
                best.merge(candidate.accumulationPoint().identity(), candidate, RepeatedCandidates::standFor);
                continue;
            }
            StackFrame line = candidate.firstApplicationFrame();
            Object leak = line == null || line.lineNumber() < 0 ? null : leakOfLine.get(line);
            if (leak != null && (JdkTypes.isJdk(candidate.objectType())
                    || JdkTypes.isJdk(best.get(leak).objectType()))) {
                best.merge(leak, candidate, RepeatedCandidates::standFor);
                continue;
            }
            leak = new Object(); // a leak of its own: no container, and no line it shares with a JDK-named candidate
            best.put(leak, candidate);
            if (line != null && line.lineNumber() >= 0) {
                leakOfLine.putIfAbsent(line, leak);
            }
        }
        return List.copyOf(best.values());
    }

    /**
     * Which of two candidates of one leak stands for it: the better-ranked {@code kept}, unless it is named after a
     * JDK type and {@code other} after an application class ({@code Customer} values say more than a map's boxed
     * {@code Long} keys). Either way it carries the evidence of both and the stronger status, so that what the one
     * dropped showed (samples that stay alive, a confirmation) still counts.
     */
    static LeakCandidate standFor(LeakCandidate kept, LeakCandidate other) {
        boolean otherNames = JdkTypes.isJdk(kept.objectType()) && !JdkTypes.isJdk(other.objectType());
        LeakCandidate stands = otherNames ? other : kept;
        LeakCandidate dropped = otherNames ? kept : other;
        List<Evidence> evidence = new ArrayList<>(stands.evidence());
        dropped.evidence().stream().filter(e -> !evidence.contains(e)).forEach(evidence::add);
        LeakCandidate growth = !Double.isNaN(stands.growthBytesPerMinute()) ? stands : dropped;
        LeakCandidate.Status status = kept.status() == LeakCandidate.Status.CONFIRMED ? kept.status() : other.status();
        return new LeakCandidate(stands.objectType(), status, growth.growingTypes(), stands.allocationSite(),
                stands.referenceChain(), stands.rootDescription(), stands.accumulationPoint(), stands.liveSamples(),
                stands.oldestAge(), stands.firstSeen(), growth.growthBytesPerMinute(),
                growth.growthInstancesPerMinute(), growth.shareOfLiveSetGrowth(),
                Math.max(kept.confidence(), other.confidence()), evidence, stands.exampleValue(),
                stands.applicationFrame(), stands.fingerprint());
    }
}
