package io.leakwatch.core.internal;

import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.core.Evidence;
import io.leakwatch.core.Finding;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.LeakKind;
import io.leakwatch.core.Rule;
import io.leakwatch.core.SiteSummary;
import io.leakwatch.core.Verdict;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Decides one series of a kind outside the heap with the live set's rules ({@link GrowthRule}, {@link NoGrowthRule},
 * {@link HeapRules}) on the series' own measurements, maximum and material growth, and α shared among the kinds'
 * series. In order, as {@link Judge} decides the heap:
 * <ol>
 *   <li>not recorded: no say ({@code INCONCLUSIVE}, never blocking a {@code NO_LEAK});</li>
 *   <li>exhausted (its latest two measurements above 90% of its maximum): {@code LEAK} when the code is named;</li>
 *   <li>growing: {@code LEAK} when a candidate names the code behind it, else {@code INCONCLUSIVE};</li>
 *   <li>a climb back to an earlier peak: {@code INCONCLUSIVE}, or {@code NO_LEAK} when the whole series is flat;</li>
 *   <li>growth ruled out (by its measurements, or its samples' bound): {@code NO_LEAK};</li>
 *   <li>otherwise {@code INCONCLUSIVE}.</li>
 * </ol>
 * One signal alone never makes a leak here either: growth of the series and a candidate that says which code.
 */
final class KindJudge {
    private static final double WEIGHT_GROWTH = 0.4;
    private static final double WEIGHT_OWNERS = 0.3;
    private static final double WEIGHT_CODE = 0.2;
    private static final double WEIGHT_HOLDERS = 0.1;

    private final AnalyzerConfig config;

    KindJudge(AnalyzerConfig config) {
        this.config = config;
    }

    /**
     * @param falseAlarmRate α of this series
     * @param naming         what names the code, given the start of the growth and the growth since (null and the
     *                       whole series' growth when there is none); may return null
     */
    KindJudgement judge(KindSeries series, double falseAlarmRate, BiFunction<Instant, Double, KindNaming> naming) {
        if (!series.recorded()) {
            return new KindJudgement(series, Verdict.INCONCLUSIVE, List.of(), false, false, null, null, null);
        }
        RuleSet rules = RuleSet.of(series.kind(), series.series());
        DecisionBasis basis = DecisionBasis.of(rules, series.trendPoints(), series.envelope(), series.maxValue(),
                series.material(), falseAlarmRate, config);
        GrowthRule.Assessment growth = GrowthRule.assess(basis);
        SlopeFit whole = basis.windows().isEmpty() ? null : basis.windows().get(0).fit();
        SlopeFit shown = growth.window() != null ? growth.window().fit() : whole;
        Finding exhausted = HeapRules.exhausted(rules, series.measured(), series.maxValue());
        Finding samplesRise = series.envelope().isEmpty() ? null : HeapRules.afterGcRises(basis);
        boolean suspected = growth.finding() != null || samplesRise != null || exhausted != null;
        KindNaming named = null;
        if (suspected) {
            SlopeFit rising = growth.window() != null ? growth.window().fit() : basis.envelope();
            named = naming.apply(rising == null ? null : rising.from(),
                    rising == null ? 0 : Math.max(0, rising.growthBytes()));
        }
        LeakCandidate candidate = named == null ? null : candidate(series, named, shown != null ? shown
                : basis.envelope(), growth.grows() || exhausted != null);
        boolean confirmed = named != null && named.confirmed();

        if (exhausted != null || growth.grows()) {
            List<Finding> findings = new ArrayList<>();
            findings.add(exhausted != null ? exhausted : withExhaustion(growth.finding(), shown, basis.maxBytes()));
            findings.add(confirmed ? codeNamed(rules, candidate) : rules.finding(Rule.KIND_NOTHING_NAMED));
            return new KindJudgement(series, confirmed ? Verdict.LEAK : Verdict.INCONCLUSIVE, findings, true, true,
                    candidate, shown, basis);
        }
        if (growth.is(rules.backToEarlierPeak())) {
            Finding flat = NoGrowthRule.assessWhole(basis);
            return flat == null
                    ? new KindJudgement(series, Verdict.INCONCLUSIVE, List.of(growth.finding()), true, true,
                    candidate, shown, basis)
                    : new KindJudgement(series, Verdict.NO_LEAK, List.of(flat, growth.finding()), true, false, null,
                    whole, basis);
        }
        Finding noGrowth = growth.finding() != null ? null : NoGrowthRule.assess(basis);
        if (noGrowth == null && growth.finding() == null) {
            noGrowth = HeapRules.boundsGrowth(basis);
        }
        if (noGrowth != null) {
            return new KindJudgement(series, Verdict.NO_LEAK, List.of(noGrowth), suspected, false, null, whole,
                    basis);
        }
        List<Finding> findings = new ArrayList<>();
        if (growth.finding() != null) {
            findings.add(growth.finding());
        }
        if (samplesRise != null && series.trendPoints().size() < Thresholds.MIN_POINTS_FOR_NO_LEAK) {
            findings.add(samplesRise);
        }
        // Too little evidence has no say, unless what there is rises at a rate that matters: a metaspace whose every
        // sample climbs while the collections that unload classes are still too few must not let a flat heap be
        // NO_LEAK (seen under ZGC at the defaults: NO_LEAK at 97 s of a class-loader leak before this).
        boolean blocks = !findings.isEmpty() || risesAtARateThatMatters(basis.envelope(), basis)
                || risesAtARateThatMatters(whole, basis);
        if (findings.isEmpty()) {
            Finding tooLittle = rules.finding(Rule.KIND_TOO_LITTLE_EVIDENCE)
                    .with("points", series.trendPoints().size()).with("spanSeconds", shown == null ? 0
                            : shown.spanSeconds());
            if (shown != null && shown.points() >= Thresholds.MIN_POINTS_FOR_NO_LEAK) {
                tooLittle = tooLittle.with(rules.unit("noise%s"), shown.noiseBytes())
                        .with(rules.unit("slopeUpperBound%sPerSecond"), shown.slopeUpperBound(basis.confidence()))
                        .against(rules.unit("slopeUpperBound%sPerSecond"), basis.slowestGrowthBytesPerSecond());
            }
            findings.add(tooLittle.against("points", Thresholds.MIN_POINTS_FOR_NO_LEAK)
                    .against("spanSeconds", config.minObservation().toNanos() / 1e9));
        }
        return new KindJudgement(series, Verdict.INCONCLUSIVE, findings, suspected, blocks, candidate, shown, basis);
    }

    private static boolean risesAtARateThatMatters(SlopeFit fit, DecisionBasis basis) {
        return fit != null && fit.slopeBytesPerSecond() >= basis.slowestGrowthBytesPerSecond()
                && fit.logBayesFactor(Thresholds.PRIOR_SCALES_PER_SECOND) > 0;
    }

    /** α of each series: {@link Thresholds#KINDS_SHARING_ALPHA} kinds share α; native memory's categories its part. */
    double falseAlarmRate(LeakKind kind, int nativeCategories) {
        double share = config.falseAlarmRate() / Thresholds.KINDS_SHARING_ALPHA;
        return kind == LeakKind.NATIVE_MEMORY ? share / Math.max(1, nativeCategories) : share;
    }

    private static Finding codeNamed(RuleSet rules, LeakCandidate candidate) {
        Finding finding = rules.finding(Rule.KIND_CODE_NAMED).with("confidence", candidate.confidence());
        if (!Double.isNaN(candidate.growthInstancesPerMinute())) {
            finding = finding.with("ownersPerSecond", candidate.growthInstancesPerMinute() / 60);
        }
        return finding;
    }

    private static Finding withExhaustion(Finding growth, SlopeFit fit, long max) {
        Duration left = fit == null ? null : fit.timeTo(max);
        return left == null ? growth : growth.with("timeToExhaustionSeconds", left.toNanos() / 1e9);
    }

    private LeakCandidate candidate(KindSeries series, KindNaming named, SlopeFit fit, boolean grows) {
        LeakKind kind = series.kind();
        double slopePerMinute = fit == null ? Double.NaN : fit.slopeBytesPerSecond() * 60;
        List<Evidence> evidence = new ArrayList<>();
        if (fit != null && grows) {
            evidence.add(KindProse.growthEvidence(kind, series.series(), fit));
        }
        evidence.addAll(named.evidence());
        SiteSummary holders = named.holders();
        double confidence = (grows ? WEIGHT_GROWTH : 0)
                + (named.confirmed() ? WEIGHT_OWNERS : 0)
                + (named.stack().isEmpty() ? 0 : WEIGHT_CODE)
                + (holders == null || holders.referenceChain().isEmpty() ? 0 : WEIGHT_HOLDERS);
        double perMinute = kind == LeakKind.THREADS ? slopePerMinute : named.countPerMinute();
        int applicationFrame = config.applicationCode().firstApplicationFrame(named.stack());
        String fingerprint = Fingerprint.ofKind(kind, named.objectType(), named.namePattern(),
                applicationFrame < 0 ? null : named.stack().get(applicationFrame));
        return new LeakCandidate(named.objectType(), named.confirmed() ? LeakCandidate.Status.CONFIRMED
                : LeakCandidate.Status.SUSPECTED, named.growingTypes(), named.stack(),
                holders == null ? List.of() : holders.referenceChain(),
                holders == null ? "" : holders.rootDescription(), holders == null ? null : holders.accumulationPoint(),
                holders == null ? 0 : holders.liveSamples(), holders == null ? Duration.ZERO : holders.oldestAge(),
                holders == null ? null : holders.firstAllocation(),
                kind.unit() == LeakKind.Unit.BYTES ? slopePerMinute : Double.NaN, perMinute, Double.NaN,
                Math.min(1, confidence), evidence, "", applicationFrame, fingerprint, kind, named.namePattern());
    }
}
