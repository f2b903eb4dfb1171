package io.leakwatch.core.internal;

import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.core.Evidence;
import io.leakwatch.core.Finding;
import io.leakwatch.core.JdkTypes;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.LeakKind;
import io.leakwatch.core.Rule;
import io.leakwatch.core.SiteSummary;
import io.leakwatch.core.TypeGrowth;
import io.leakwatch.core.Verdict;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Decides the verdict from the rules' findings. In order:
 * <ol>
 *   <li>no collections, or no heap figures: {@code INCONCLUSIVE};</li>
 *   <li>the heap exhausted ({@link HeapRules#exhausted}): {@code LEAK} when a candidate says what grows (confirmed,
 *       or samples allocated steadily over the run), else {@code INCONCLUSIVE};</li>
 *   <li>the live set growing ({@link GrowthRule}): {@code LEAK} when a candidate confirms it, else
 *       {@code INCONCLUSIVE} (one signal alone never makes a leak);</li>
 *   <li>a climb back to an earlier peak: {@code INCONCLUSIVE};</li>
 *   <li>growth ruled out ({@link NoGrowthRule}, {@link HeapRules#boundsGrowth}): {@code NO_LEAK};</li>
 *   <li>otherwise {@code INCONCLUSIVE}, with the suspicion or what is missing.</li>
 * </ol>
 */
final class Judge {
    private final AnalyzerConfig config;
    private final CandidateRanker ranker;

    Judge(AnalyzerConfig config) {
        this.config = config;
        this.ranker = new CandidateRanker(config.maxCandidates(), config.applicationCode());
    }

    /**
     * @param allocationSites where each type was allocated lately, or null for a type not sampled
     * @param heldGrowth      the growth the sequential test found and nothing undid since, or null
     * @param observed        how long the analysed events span, or null when there were none
     */
    Judgement judge(LiveSetSeries series, List<TypeGrowth> typeGrowth, List<SiteSummary> sites,
                    Function<String, AllocationSiteTracker.Site> allocationSites, GrowthRule.Assessment heldGrowth,
                    boolean anyCollections, Duration observed) {
        DecisionBasis basis = DecisionBasis.of(series, config);
        GrowthRule.Assessment current = GrowthRule.assess(basis);
        // Growth the test found once stands until evidence undoes it (GrowthLatch).
        GrowthRule.Assessment growth = !current.grows() && heldGrowth != null ? heldGrowth : current;
        SlopeFit growthFit = growth.grows() ? growth.window().fit() : null;
        List<LeakCandidate> candidates = ranker.rank(growthFit, typeGrowth, sites, allocationSites);
        LeakCandidate top = candidates.isEmpty() ? null : candidates.get(0);
        Finding envelopeRises = HeapRules.afterGcRises(basis);
        boolean suspected = growth.finding() != null || envelopeRises != null;
        SlopeFit shown = growth.window() != null ? growth.window().fit()
                : basis.windows().isEmpty() ? null : basis.windows().get(0).fit();

        if (!anyCollections) {
            return new Judgement(Verdict.INCONCLUSIVE, List.of(Finding.of(Rule.NO_COLLECTIONS)), false, candidates,
                    shown, basis);
        }
        if (series.afterGc().isEmpty() && series.all().isEmpty()) {
            return new Judgement(Verdict.INCONCLUSIVE, List.of(Finding.of(Rule.NO_HEAP_FIGURES)), false, candidates,
                    shown, basis);
        }
        Finding exhausted = HeapRules.exhausted(series);
        LeakCandidate named = candidates.stream().filter(Judge::saysWhatGrows).findFirst().orElse(null);
        if (exhausted != null) {
            if (named != null) {
                candidates = promote(candidates, named);
                return new Judgement(Verdict.LEAK, List.of(exhausted, explains(named)), true, candidates, shown,
                        basis);
            }
            return new Judgement(Verdict.INCONCLUSIVE, List.of(exhausted, Finding.of(Rule.NOTHING_SAYS_WHAT_GROWS)),
                    true, candidates, shown, basis);
        }
        if (growth.grows()) {
            Finding grows = withExhaustion(growth.finding(), growthFit, series.maxHeapBytes());
            if (named != null) {
                candidates = promote(candidates, named);
                return new Judgement(Verdict.LEAK, List.of(grows, explains(named)), true, candidates, shown, basis);
            }
            return new Judgement(Verdict.INCONCLUSIVE, List.of(grows, Finding.of(Rule.NOTHING_SAYS_WHAT_GROWS)), true,
                    candidates, shown, basis);
        }
        if (growth.is(Rule.BACK_TO_EARLIER_PEAK)) {
            // A climb back is no growth so far; if the whole series is flat besides, it is a buffer refilling.
            Finding flat = NoGrowthRule.assessWhole(basis);
            if (flat == null) {
                return new Judgement(Verdict.INCONCLUSIVE, List.of(growth.finding()), true, candidates, shown, basis);
            }
            return new Judgement(Verdict.NO_LEAK, List.of(flat, growth.finding()), true, List.of(),
                    basis.windows().get(0).fit(), basis);
        }
        Finding noGrowth = growth.finding() != null ? null : NoGrowthRule.assess(basis);
        if (noGrowth == null && growth.finding() == null) {
            noGrowth = HeapRules.boundsGrowth(basis);
        }
        if (noGrowth != null) {
            SlopeFit whole = basis.windows().isEmpty() ? null : basis.windows().get(0).fit();
            return new Judgement(Verdict.NO_LEAK, List.of(noGrowth), suspected, List.of(), whole, basis);
        }
        List<Finding> findings = new ArrayList<>();
        if (growth.finding() != null) {
            findings.add(growth.finding());
        }
        if (envelopeRises != null && series.trendPoints().size() < Thresholds.MIN_POINTS_FOR_NO_LEAK) {
            findings.add(envelopeRises);
        }
        if (findings.isEmpty()) {
            double span = shown == null ? 0 : shown.spanSeconds();
            Finding tooLittle = Finding.of(Rule.TOO_LITTLE_EVIDENCE).with("points", series.trendPoints().size())
                    .with("spanSeconds", span).with("observedSeconds", observed == null ? 0 : observed.toNanos() / 1e9);
            if (shown != null && shown.points() >= Thresholds.MIN_POINTS_FOR_NO_LEAK) {
                // Enough measurements, but too noisy yet to rule out growth that matters.
                tooLittle = tooLittle.with("noiseBytes", shown.noiseBytes())
                        .with("slopeUpperBoundBytesPerSecond", shown.slopeUpperBound(basis.confidence()))
                        .against("slopeUpperBoundBytesPerSecond", basis.slowestGrowthBytesPerSecond());
            }
            findings.add(tooLittle.against("points", Thresholds.MIN_POINTS_FOR_NO_LEAK)
                    .against("spanSeconds", config.minObservation().toNanos() / 1e9));
        }
        return new Judgement(Verdict.INCONCLUSIVE, findings, suspected, candidates, shown, basis);
    }

    /**
     * The verdict of the heap and of the kinds outside it together: {@code LEAK} when any of them leaks (the heap's
     * findings and candidates first when it leaks, else the first leaking kind's); {@code NO_LEAK} only when the heap
     * is {@code NO_LEAK} and no kind grows or may grow (a kind with too little evidence, or not recorded, has no say);
     * otherwise {@code INCONCLUSIVE}, a growing kind's findings first when the heap alone would have been
     * {@code NO_LEAK}. Growth is suspected when the heap's is, or a kind's that collections measure (class metadata,
     * direct memory): heap inspections then measure it.
     */
    static Judgement combine(Judgement heap, List<KindJudgement> kinds) {
        List<KindJudgement> leaking = kinds.stream().filter(k -> k.verdict() == Verdict.LEAK).toList();
        List<KindJudgement> growing = kinds.stream().filter(k -> k.verdict() != Verdict.LEAK && k.blocksNoLeak())
                .toList();
        boolean suspected = heap.growthSuspected() || kinds.stream().anyMatch(k -> k.suspected()
                && (k.series().kind() == LeakKind.CLASS_METADATA
                || k.series().kind() == LeakKind.DIRECT_MEMORY));
        List<LeakCandidate> kindCandidates = new ArrayList<>();
        leaking.forEach(k -> kindCandidates.add(k.candidate()));
        kinds.stream().filter(k -> k.verdict() != Verdict.LEAK && k.candidate() != null)
                .forEach(k -> kindCandidates.add(k.candidate()));
        List<Finding> findings = new ArrayList<>();
        List<LeakCandidate> candidates = new ArrayList<>();
        Verdict verdict;
        if (heap.verdict() == Verdict.LEAK) {
            verdict = Verdict.LEAK;
            findings.addAll(heap.findings());
            leaking.forEach(k -> findings.addAll(k.findings()));
            candidates.addAll(heap.candidates());
            candidates.addAll(kindCandidates);
        } else if (!leaking.isEmpty()) {
            verdict = Verdict.LEAK;
            leaking.forEach(k -> findings.addAll(k.findings()));
            findings.addAll(heap.findings());
            candidates.addAll(kindCandidates.subList(0, leaking.size()));
            candidates.addAll(heap.candidates());
            candidates.addAll(kindCandidates.subList(leaking.size(), kindCandidates.size()));
        } else if (heap.verdict() == Verdict.NO_LEAK && growing.isEmpty()) {
            return new Judgement(Verdict.NO_LEAK, heap.findings(), suspected, List.of(), heap.trend(), heap.basis());
        } else {
            verdict = Verdict.INCONCLUSIVE;
            if (heap.verdict() == Verdict.NO_LEAK) {
                growing.forEach(k -> findings.addAll(k.findings()));
                findings.addAll(heap.findings());
            } else {
                findings.addAll(heap.findings());
                growing.forEach(k -> findings.addAll(k.findings()));
            }
            candidates.addAll(heap.candidates());
            candidates.addAll(kindCandidates);
        }
        return new Judgement(verdict, findings, suspected, candidates, heap.trend(), heap.basis());
    }

    /**
     * Whether a candidate says what grows, once growth or exhaustion is measured: it is confirmed, or its samples
     * were allocated steadily over the run and are still alive (one emission of samples shows no more).
     */
    private static boolean saysWhatGrows(LeakCandidate candidate) {
        return candidate.status() == LeakCandidate.Status.CONFIRMED
                || candidate.hasEvidence(Evidence.Signal.STEADY_SURVIVORS);
    }

    private static Finding explains(LeakCandidate candidate) {
        Finding finding = Finding.of(Rule.CANDIDATE_EXPLAINS_GROWTH).with("confidence", candidate.confidence())
                .with("liveSamples", candidate.liveSamples());
        if (!Double.isNaN(candidate.shareOfLiveSetGrowth())) {
            finding = finding.with("shareOfLiveSetGrowth", candidate.shareOfLiveSetGrowth());
            if (!CandidateRanker.jdkTypesOnly(candidate)) {
                finding = finding.against("shareOfLiveSetGrowth", Thresholds.MIN_SHARE_OF_GROWTH);
            }
        }
        if (!Double.isNaN(candidate.growthBytesPerMinute())) {
            finding = finding.with("growthBytesPerSecond", candidate.growthBytesPerMinute() / 60);
        }
        return finding;
    }

    private static Finding withExhaustion(Finding growth, SlopeFit fit, long maxHeapBytes) {
        Duration left = fit.timeTo(maxHeapBytes);
        return left == null ? growth : growth.with("timeToExhaustionSeconds", left.toNanos() / 1e9);
    }

    /** The candidates with {@code first} moved to the top: the one the verdict names. */
    private static List<LeakCandidate> promote(List<LeakCandidate> candidates, LeakCandidate first) {
        List<LeakCandidate> result = new ArrayList<>();
        result.add(first);
        candidates.stream().filter(c -> c != first).forEach(result::add);
        return result;
    }
}
