package io.leakwatch.core.internal;

import io.leakwatch.core.AccumulationPoint;
import io.leakwatch.core.Bytes;
import io.leakwatch.core.Coverage;
import io.leakwatch.core.Durations;
import io.leakwatch.core.Evidence;
import io.leakwatch.core.Finding;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.LiveSetPoint;
import io.leakwatch.core.Odds;
import io.leakwatch.core.Rule;
import io.leakwatch.core.SiteSummary;
import io.leakwatch.core.TypeGrowth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one place where findings become English: an analysis' reason and next step, and the summary of each piece of a
 * candidate's evidence. Everything here reads numbers from findings; nothing decides.
 */
final class Prose {
    private Prose() {
    }

    /**
     * The reason for a verdict, from its decisive finding (the first) and the ones after it.
     *
     * @param top     the top candidate, or null
     * @param sources the kinds of measurement the live-set trend rests on
     */
    static String reason(List<Finding> findings, LeakCandidate top, Set<LiveSetPoint.Source> sources,
                         Duration warmUp, Duration minObservation, Duration exhaustionHorizon) {
        Finding decisive = findings.get(0);
        return switch (decisive.rule()) {
            case NO_COLLECTIONS -> "No garbage collection events were found.";
            case NO_HEAP_FIGURES -> "Collections were recorded, but no heap figures: jdk.GCHeapSummary is off in this"
                    + " recording.";
            case TOO_LITTLE_EVIDENCE -> tooLittle(decisive, warmUp, minObservation);
            case LIVE_SET_GROWS -> {
                String growth = growth("The live set grew by", decisive, sources);
                if (has(findings, Rule.CANDIDATE_EXPLAINS_GROWTH) && top != null) {
                    yield growth + " and " + top.objectType() + " grows with it" + exhaustion(decisive) + ".";
                }
                yield growth + ", but no heap inspection or old-object sample shows which objects grow.";
            }
            case HEAP_EXHAUSTED -> {
                String full = String.format(Locale.ROOT, "The live set fills the heap: %s of %s is still in use after"
                                + " the latest %.0f collections that free the old generation",
                        Bytes.format(decisive.value("latestLevelBytes")), Bytes.format(decisive.value("maxHeapBytes")),
                        decisive.value("measurements"));
                if (has(findings, Rule.CANDIDATE_EXPLAINS_GROWTH) && top != null) {
                    yield full + ", and " + top.objectType() + " accumulates in it.";
                }
                yield full + ", so it can no longer grow, and no candidate has been seen growing into it.";
            }
            case LIVE_SET_MAY_GROW -> growth("The live set may be growing, by", decisive, sources) + String.format(
                    Locale.ROOT, ", but not yet clearly enough to call it a leak (that takes evidence of %s and"
                            + " growth of %s).", Odds.format(decisive.threshold("logBayesFactor")),
                    Bytes.format(decisive.threshold("growthBytes")));
            case BACK_TO_EARLIER_PEAK -> String.format(Locale.ROOT, "The live set went up and down over %s (%.0f"
                            + " measurements): it is now near %s, no higher than the %s it reached before it last"
                            + " dropped; a buffer that fills and is emptied behaves like this.",
                    seconds(decisive.value("spanSeconds")), decisive.value("points"),
                    Bytes.format(decisive.value("latestLevelBytes")),
                    Bytes.format(decisive.value("peakBeforeDropBytes")));
            case LIVE_SET_NOT_GROWING -> String.format(Locale.ROOT, "The live set stayed near %s over %s (%s): it"
                            + " grows by at most %s/min (at %.0f%% confidence), slower than the %s/min that matters%s.",
                    Bytes.format(decisive.value("levelBytes")), seconds(decisive.value("spanSeconds")),
                    measurements(decisive.value("points"), sources),
                    Bytes.format(Math.max(0, decisive.value("slopeUpperBoundBytesPerSecond")) * 60),
                    100 * decisive.threshold("confidence"),
                    Bytes.format(decisive.threshold("slopeUpperBoundBytesPerSecond") * 60), mattersBecause(
                            exhaustionHorizon));
            case LIVE_SET_LEVELLED_OFF -> String.format(Locale.ROOT, "The live set grew from %s, then levelled off"
                            + " near %s over the latest %s (%s, now at most %s/min): a cache filling to its bound"
                            + " behaves like this.", Bytes.format(decisive.value("lowestEarlierBytes")),
                    Bytes.format(decisive.value("levelBytes")), seconds(decisive.value("spanSeconds")),
                    measurements(decisive.value("points"), sources),
                    Bytes.format(Math.max(0, decisive.value("slopeUpperBoundBytesPerSecond")) * 60));
            case HEAP_BOUNDS_GROWTH -> decisive.values().containsKey("collections")
                    ? String.format(Locale.ROOT, "The heap after every collection, which bounds the live set from"
                            + " above, stayed between %s and %s over %s (%.0f collections).",
                    Bytes.format(decisive.value("lowestBytes")), Bytes.format(decisive.value("highestBytes")),
                    seconds(decisive.value("spanSeconds")), decisive.value("collections"))
                    : String.format(Locale.ROOT, "The live set measured %s, and %s later the heap after a collection,"
                            + " which bounds it from above, held %s: it grew by at most %s/min, slower than the"
                            + " %s/min that matters.", Bytes.format(decisive.value("lowestBytes")),
                    seconds(decisive.value("spanSeconds")), Bytes.format(decisive.value("highestBytes")),
                    Bytes.format(Math.max(0, decisive.value("boundBytesPerSecond")) * 60),
                    Bytes.format(decisive.threshold("boundBytesPerSecond") * 60));
            case HEAP_AFTER_GC_RISES -> String.format(Locale.ROOT, "The heap after collections rose by %s/min over %s,"
                            + " but too few collections freed the old generation (%.0f live-set measurements after"
                            + " warm-up) to tell a leak from promoted garbage.",
                    Bytes.format(decisive.value("slopeBytesPerSecond") * 60), seconds(decisive.value("spanSeconds")),
                    decisive.value("liveSetMeasurements"));
            case KIND_TOO_LITTLE_EVIDENCE, KIND_GROWS, KIND_MAY_GROW, KIND_NOT_GROWING, KIND_LEVELLED_OFF,
                 KIND_BACK_TO_EARLIER_PEAK, KIND_EXHAUSTED, KIND_SAMPLES_BOUND_GROWTH, KIND_SAMPLES_RISE ->
                    KindProse.reason(findings, top);
            case CANDIDATE_EXPLAINS_GROWTH, NOTHING_SAYS_WHAT_GROWS, NOT_MONITORING, KIND_CODE_NAMED,
                 KIND_NOTHING_NAMED -> throw new IllegalArgumentException(decisive.rule() + " is not decided by the"
                    + " engine");
        };
    }

    /** What would settle or confirm the verdict, or empty. */
    static String nextStep(List<Finding> findings, LeakCandidate top, Duration warmUp) {
        Finding decisive = findings.get(0);
        return switch (decisive.rule()) {
            case NO_COLLECTIONS -> "Record with jdk.GarbageCollection and jdk.GCHeapSummary enabled (JFR's default and"
                    + " profile settings enable both), for longer than the warm-up of " + Durations.format(warmUp)
                    + ".";
            case NO_HEAP_FIGURES -> "Record with jdk.GCHeapSummary enabled (JFR's default and profile settings enable"
                    + " it).";
            case TOO_LITTLE_EVIDENCE -> decisive.values().containsKey("slopeUpperBoundBytesPerSecond")
                    ? "Watch for longer: every measurement narrows what the live set may be doing."
                    : "Record for longer, with collections that free the old generation or heap inspections; the live"
                    + " monitor takes inspections itself.";
            case LIVE_SET_GROWS, HEAP_EXHAUSTED -> {
                if (!has(findings, Rule.CANDIDATE_EXPLAINS_GROWTH)) {
                    yield "Take heap inspections (class histograms) at least twice, some time apart, and enable"
                            + " jdk.OldObjectSample with stack traces; the live monitor does both on suspicion.";
                }
                yield top != null && top.allocationSite().isEmpty() ? "Enable jdk.OldObjectSample with stack traces"
                        + " to learn where " + top.objectType() + " is allocated and who holds it." : "";
            }
            case LIVE_SET_MAY_GROW -> "Watch for longer: a few more measurements settle it.";
            case BACK_TO_EARLIER_PEAK -> "Watch for longer: a leak leaves every earlier level behind.";
            case HEAP_AFTER_GC_RISES -> "Take heap inspections (class histograms after a full GC) some time apart, or"
                    + " record longer so that old or full collections occur; the live monitor inspects on suspicion.";
            case LIVE_SET_NOT_GROWING, LIVE_SET_LEVELLED_OFF, HEAP_BOUNDS_GROWTH -> "";
            case KIND_TOO_LITTLE_EVIDENCE, KIND_GROWS, KIND_MAY_GROW, KIND_NOT_GROWING, KIND_LEVELLED_OFF,
                 KIND_BACK_TO_EARLIER_PEAK, KIND_EXHAUSTED, KIND_SAMPLES_BOUND_GROWTH, KIND_SAMPLES_RISE ->
                    KindProse.nextStep(findings);
            case CANDIDATE_EXPLAINS_GROWTH, NOTHING_SAYS_WHAT_GROWS, NOT_MONITORING, KIND_CODE_NAMED,
                 KIND_NOTHING_NAMED -> throw new IllegalArgumentException(decisive.rule() + " is not decided by the"
                    + " engine");
        };
    }

    static Evidence liveSetEvidence(SlopeFit growth) {
        return new Evidence(Evidence.Signal.LIVE_SET_GROWTH, String.format(Locale.ROOT, "live set +%s/min over %s"
                        + " (evidence %s)", Bytes.format(growth.slopeBytesPerSecond() * 60),
                Durations.format(growth.span()), Odds.format(growth.logBayesFactor(Thresholds.PRIOR_SCALES_PER_SECOND))));
    }

    static Evidence typeEvidence(TypeGrowth member) {
        return new Evidence(Evidence.Signal.TYPE_GROWTH, String.format(Locale.ROOT, "%s +%s/min (+%.0f instances/min),"
                        + " grew in %d of %d inspection intervals", member.typeName(),
                Bytes.format(member.bytesPerMinute()), member.instancesPerMinute(), member.growingSteps(),
                member.steps()));
    }

    static Evidence siteEvidence(SiteSummary site) {
        return new Evidence(Evidence.Signal.SITE_ACCUMULATION, String.format(Locale.ROOT, "%d samples of %s alive"
                        + " (from %d), new ones arrived in %d snapshots, %.0f%% of earlier ones still alive",
                site.liveSamples(), site.objectType(), site.liveSamplesAtFirst(), site.arrivalSnapshots(),
                100 * site.retention()));
    }

    static Evidence steadyEvidence(SiteSummary site) {
        return new Evidence(Evidence.Signal.STEADY_SURVIVORS, String.format(Locale.ROOT, "%d samples of %s alive,"
                        + " allocated steadily since %s ago%s", site.liveSamples(), site.objectType(),
                Durations.format(site.oldestAge()), site.accumulationPoint() == null ? ""
                        : ", held in " + site.accumulationPoint().describe()));
    }

    static Evidence allocationEvidence(String type, AllocationSiteTracker.Site site) {
        return new Evidence(Evidence.Signal.ALLOCATION_SITE, String.format(Locale.ROOT, "%.0f%% of the sampled"
                        + " allocation of %s in the last %s (%d samples) came from %s", 100 * site.share(), type,
                Durations.format(AllocationSiteTracker.WINDOW), site.samples(),
                site.frames().stream().filter(frame -> !frame.isJdkFrame()).findFirst()
                        .or(() -> site.frames().stream().findFirst()).map(Object::toString).orElse("an unknown site")));
    }

    /**
     * What an analysis could not see, one sentence each: missing old-object samples (and why, under generational
     * ZGC), missing chains, missing heap inspections.
     */
    static List<String> gaps(Set<Coverage.Source> sources, boolean generationalZgc, boolean anySites) {
        List<String> gaps = new ArrayList<>();
        if (!sources.contains(Coverage.Source.OLD_OBJECT_SAMPLES)) {
            gaps.add(generationalZgc
                    ? "No old-object samples: under generational ZGC they are off (the sampler keeps every sampled"
                    + " object alive until an old collection, JDK-8382740), so who holds the objects is not known"
                    + (sources.contains(Coverage.Source.ALLOCATION_SAMPLES)
                    ? "; where growing types are allocated comes from allocation samples." : ".")
                    : "No old-object samples (jdk.OldObjectSample was off): where long-lived objects were allocated"
                    + " and who holds them is not known.");
        } else if (anySites && !sources.contains(Coverage.Source.REFERENCE_CHAINS)) {
            gaps.add("The old-object samples carry no reference chains: who holds them is not known (record with"
                    + " path-to-gc-roots=true, or let the live monitor take chain snapshots).");
        }
        if (!sources.contains(Coverage.Source.HEAP_INSPECTIONS)) {
            gaps.add("No heap inspections: which types grow is not known (the live monitor takes them on"
                    + " suspicion).");
        }
        return gaps;
    }

    static Evidence containerEvidence(AccumulationPoint point) {
        return new Evidence(Evidence.Signal.CONTAINER_GROWTH, String.format(Locale.ROOT, "%s grew from %d to %d %s",
                point.describe(), point.firstSize(), point.latestSize(), point.linked() ? "links" : "elements"));
    }

    private static String growth(String opening, Finding finding, Set<LiveSetPoint.Source> sources) {
        return String.format(Locale.ROOT, "%s %s/min over %s (%s, evidence %s)", opening,
                Bytes.format(finding.value("slopeBytesPerSecond") * 60), seconds(finding.value("spanSeconds")),
                measurements(finding.value("points"), sources), Odds.format(finding.value("logBayesFactor")));
    }

    private static String tooLittle(Finding finding, Duration warmUp, Duration minObservation) {
        if (finding.values().containsKey("slopeUpperBoundBytesPerSecond")) {
            return String.format(Locale.ROOT, "Not settled yet: %.0f live-set measurements over %s after the warm-up"
                            + " show no clear growth, but they scatter by %s, too much to rule out growth of %s/min"
                            + " (they allow up to %s/min).", finding.value("points"),
                    seconds(finding.value("spanSeconds")), Bytes.format(finding.value("noiseBytes")),
                    Bytes.format(finding.threshold("slopeUpperBoundBytesPerSecond") * 60),
                    Bytes.format(finding.value("slopeUpperBoundBytesPerSecond") * 60));
        }
        String seen = String.format(Locale.ROOT, "%.0f live-set measurements over %s after the warm-up",
                finding.value("points"), seconds(finding.value("spanSeconds")));
        double observed = finding.value("observedSeconds");
        if (observed < (warmUp.plus(minObservation)).toSeconds()) {
            seen += " (the events span " + seconds(observed) + ", less than the warm-up of " + Durations.format(warmUp)
                    + " plus the minimum observation of " + Durations.format(minObservation) + ")";
        }
        return "Not enough evidence yet: " + seen + "; a leak needs measurements that rise clearly, no leak "
                + Thresholds.MIN_POINTS_FOR_NO_LEAK + " or more spanning at least " + Durations.format(minObservation)
                + ".";
    }

    private static String measurements(double points, Set<LiveSetPoint.Source> sources) {
        String kinds = sources.stream().map(s -> s.name().toLowerCase(Locale.ROOT).replace('_', ' ')).sorted()
                .reduce((a, b) -> a + " and " + b).orElse("live-set");
        return String.format(Locale.ROOT, "%.0f %s measurements", points, kinds);
    }

    private static String exhaustion(Finding growth) {
        Double seconds = growth.values().get("timeToExhaustionSeconds");
        return seconds == null ? "" : "; at this rate the heap is exhausted in about " + seconds(seconds);
    }

    private static String mattersBecause(Duration exhaustionHorizon) {
        return " (growth that would exhaust the heap within " + Durations.format(exhaustionHorizon)
                + ", or make material growth within " + Durations.format(Thresholds.MATERIAL_HORIZON) + ")";
    }

    private static String seconds(double seconds) {
        return Durations.format(Duration.ofMillis((long) (seconds * 1000)));
    }

    private static boolean has(List<Finding> findings, Rule rule) {
        return findings.stream().anyMatch(finding -> finding.rule() == rule);
    }
}
