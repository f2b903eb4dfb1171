package io.leakwatch.core.internal;

import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.core.Bytes;
import io.leakwatch.core.Durations;
import io.leakwatch.core.Evidence;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.ReferenceStep;
import io.leakwatch.core.StackFrame;
import io.leakwatch.core.Verdict;
import io.leakwatch.core.LiveSetReport;
import io.leakwatch.core.Trend;
import io.leakwatch.core.SiteSummary;
import io.leakwatch.core.TypeGrowth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Set;

/**
 * Combines the three signals into a verdict and ranked candidates.
 *
 * <p>The rules, in order: a live set that grows significantly, materially and without levelling off, with a
 * candidate whose type growth or site accumulation says what grows, is a {@link Verdict#LEAK}. Growth without such
 * a candidate is {@link Verdict#INCONCLUSIVE}: one signal alone never makes a leak. A live-set trend that is flat
 * or levels off, or a flat heap after every collection (which bounds the live set from above), over at least the
 * minimum observation, is {@link Verdict#NO_LEAK}. Everything else is inconclusive, with what would settle it.
 */
public final class LeakJudge {
    /**
     * Growth over the span must stand this many robust standard deviations above the scatter of the points: a few
     * noisy measurements of a flat live set (a full GC catching a cache mid-churn) can pass a rank test by chance,
     * but not also this.
     */
    static final double NOISE_MULTIPLE = 3;
    /** A candidate whose growth explains less than this share of the live-set growth does not confirm it. */
    static final double MIN_SHARE_OF_GROWTH = 0.1;
    /**
     * The live-set growth a {@code LEAK} rests on must pass the trend test at this share of the significance level
     * that raises a suspicion (p &lt; 0.01 at the default 0.05). A batch job's sawtooth measured at random phases by
     * five inspections passed p &lt; 0.05 by chance in 1 of 4 test runs, and the inspections' histograms, taken at the
     * same moments, seemed to confirm it; five points in a row rising, p = 0.008, is a real trend.
     */
    static final double LEAK_SIGNIFICANCE_SHARE = 0.2;
    /**
     * A significant upward trend that makes material growth within this time is no "no leak", however little it has
     * grown so far: a listener leak under ZGC grew 3.3 MB in its first 16 s (12.5 MB/min, p = 0.005), under the
     * 4 MB that counts, and was called NO_LEAK.
     */
    static final Duration NO_LEAK_HORIZON = Duration.ofMinutes(10);
    /** A live set above this share of the maximum heap has filled it. */
    static final double FULL_HEAP_SHARE = 0.9;
    /**
     * Growth of JDK types only ({@code byte[]}, {@code String}, {@code HashMap$Node}) confirms the live-set growth only
     * when it explains at least this share of it: everything holds such objects, the monitor's own state too. A
     * healthy LRU cache under Serial GC, measured every 3 s, grew 6.7 MB/min in a minute of noisy full collections,
     * and the 18% of it that byte[] and String explained made a false LEAK.
     */
    static final double MIN_SHARE_OF_JDK_GROWTH = 0.5;
    /** Below this share a candidate is not listed at all: it is noise beside the growth it would have to explain. */
    static final double MIN_SHARE_LISTED = 0.05;

    private static final double WEIGHT_LIVE_SET = 0.4;
    private static final double WEIGHT_TYPE = 0.3;
    private static final double WEIGHT_SITE = 0.2;
    private static final double WEIGHT_CONTAINER = 0.1;

    private final AnalyzerConfig config;

    public LeakJudge(AnalyzerConfig config) {
        this.config = config;
    }

    /** Judges the evidence as it stands. */
    public Judgement judge(LiveSetReport liveSet, List<TypeGrowth> typeGrowth, List<SiteSummary> sites,
                           boolean anyCollections) {
        return judge(liveSet, typeGrowth, sites, anyCollections, null);
    }

    /**
     * Judges the evidence as it stands.
     *
     * @param observed how long the analysed events span, or null when unknown; it makes "not enough evidence"
     *                 precise
     */
    public Judgement judge(LiveSetReport liveSet, List<TypeGrowth> typeGrowth, List<SiteSummary> sites,
                           boolean anyCollections, Duration observed) {
        double material = config.materialGrowthBytes(liveSet.maxHeapBytes());
        Trend trend = liveSet.trend();
        boolean enoughSpan = trend != null && trend.span().compareTo(config.minObservation()) >= 0;
        Trend growth = enoughSpan ? growth(liveSet.trendWindows(), liveSet.levels(), material,
                liveSet.maxHeapBytes(), LEAK_SIGNIFICANCE_SHARE * config.significance()) : null;
        boolean liveGrowing = growth != null;
        Trend recentGrowth = growth == trend ? null : growth;
        Trend envelope = liveSet.afterGcTrend();
        Trend envelopeGrowth = growth(liveSet.afterGcTrendWindows(), null, material, liveSet.maxHeapBytes(),
                config.significance());
        boolean envelopeGrowing = envelopeGrowth != null;
        boolean suspected = liveGrowing || envelopeGrowing;

        List<LeakCandidate> candidates = candidates(growth, typeGrowth, sites);

        if (liveGrowing) {
            LeakCandidate top = candidates.isEmpty() ? null : candidates.get(0);
            if (top != null && confirms(top)) { // candidates that confirm are ranked first
                return new Judgement(Verdict.LEAK, String.format(Locale.ROOT,
                        "The live set grew by %s/min over %s (%s, %s) and %s grows with it%s.",
                        Bytes.format(growth.slopeBytesPerMinute()), Durations.format(growth.span()),
                        measurements(liveSet, growth), pValue(growth.pValue()), top.objectType(), exhaustion(growth)),
                        top.allocationSite().isEmpty() ? "Enable jdk.OldObjectSample with stack traces to learn"
                                + " where " + top.objectType() + " is allocated and who holds it." : "",
                        true, candidates, recentGrowth);
            }
            return new Judgement(Verdict.INCONCLUSIVE, String.format(Locale.ROOT,
                    "The live set grew by %s/min over %s (%s, %s), but no heap inspection or old-object"
                            + " sample shows which objects grow.", Bytes.format(growth.slopeBytesPerMinute()),
                    Durations.format(growth.span()), measurements(liveSet, growth), pValue(growth.pValue())),
                    "Take heap inspections (class histograms) at least twice, some time apart, and enable"
                            + " jdk.OldObjectSample with stack traces; the live monitor does both on suspicion.",
                    true, candidates, recentGrowth);
        }
        TrendWindow whole = liveSet.trendWindows().isEmpty() ? null : liveSet.trendWindows().get(0);
        if (whole != null && liveSet.maxHeapBytes() > 0
                && whole.latestLevelBytes() >= FULL_HEAP_SHARE * liveSet.maxHeapBytes()) {
            // Whatever the trend says, a heap that is full after collections is not a service without a leak.
            return new Judgement(Verdict.INCONCLUSIVE, String.format(Locale.ROOT,
                    "The live set fills the heap: %s of %s is still in use after the latest collections, so it can"
                            + " no longer grow, and no candidate has been seen growing into it.",
                    Bytes.format(whole.latestLevelBytes()), Bytes.format(liveSet.maxHeapBytes())),
                    "Look at the largest types of a heap inspection and the long-lived old-object samples; if the"
                            + " service needs this much, give it a larger heap.", true, candidates);
        }
        // Saying "no leak" takes more evidence than saying "leak": twice the points, so that a few noisy early
        // measurements of a real leak do not announce its absence.
        int pointsForNoLeak = 2 * config.minLiveSetPoints();
        if (enoughSpan && trend.points() >= pointsForNoLeak && trend.saturating()
                && trend.pValue() < config.significance()) {
            return new Judgement(Verdict.NO_LEAK, String.format(Locale.ROOT,
                    "The live set grew, then levelled off near %s over %s (%s): a cache filling to its bound"
                            + " behaves like this.", Bytes.format(trend.fittedLatestBytes()),
                    Durations.format(trend.span()), measurements(liveSet, trend)), "", suspected, List.of());
        }
        if (enoughSpan && growing(trend, material)) {
            double peak = liveSet.levels().peakBeforeLastDrop(material);
            if (whole.latestLevelBytes() < peak + material / 2) {
                // Growth that only climbed back to an earlier level: no leak so far, but no proof of none either.
                return new Judgement(Verdict.INCONCLUSIVE, String.format(Locale.ROOT,
                        "The live set went up and down over %s (%s): it is now near %s, no higher than the %s it"
                                + " reached before it last dropped; a buffer that fills and is emptied behaves like"
                                + " this.", Durations.format(trend.span()), measurements(liveSet, trend),
                        Bytes.format(whole.latestLevelBytes()), Bytes.format(peak)),
                        "Watch for longer: a leak leaves every earlier level behind.", true, candidates);
            }
            return new Judgement(Verdict.INCONCLUSIVE, String.format(Locale.ROOT,
                    "The live set may be growing, by %s/min over %s (%s, %s), but not yet clearly enough to call"
                            + " it a leak (that takes p < %.2g).", Bytes.format(trend.slopeBytesPerMinute()),
                    Durations.format(trend.span()), measurements(liveSet, trend), pValue(trend.pValue()),
                    LEAK_SIGNIFICANCE_SHARE * config.significance()),
                    "Watch for longer: a few more measurements settle it.", true, candidates);
        }
        if (enoughSpan && trend.points() >= pointsForNoLeak && creeping(trend, material)) {
            return new Judgement(Verdict.INCONCLUSIVE, String.format(Locale.ROOT,
                    "The live set creeps up by %s/min (%s, %s), less than %s so far, but that much within %s.",
                    Bytes.format(trend.slopeBytesPerMinute()), measurements(liveSet, trend), pValue(trend.pValue()),
                    Bytes.format(material), Durations.format(NO_LEAK_HORIZON)),
                    "Watch for longer: a few more minutes tell slow growth from none.", true, candidates);
        }
        if (enoughSpan && trend.points() >= pointsForNoLeak) {
            return new Judgement(Verdict.NO_LEAK, String.format(Locale.ROOT,
                    "The live set stayed near %s over %s (%s; trend %s/min, %s).",
                    Bytes.format(trend.fittedLatestBytes()), Durations.format(trend.span()),
                    measurements(liveSet, trend),
                    Bytes.format(trend.slopeBytesPerMinute()), pValue(trend.pValue())), "", suspected, List.of());
        }
        if (envelope != null && !envelopeGrowing && envelope.points() >= pointsForNoLeak
                && envelope.span().compareTo(config.minObservation()) >= 0 && !creeping(envelope, material)
                && (trend == null || !growing(trend, material))) {
            // Every after-GC value bounds the live set from above; if all of them stay within a band narrower
            // than material growth, the live set cannot have grown materially either.
            LongSummaryStatistics band = liveSet.afterGc().stream()
                    .filter(p -> !p.time().isBefore(envelope.from())).mapToLong(p -> p.bytes()).summaryStatistics();
            if (band.getMax() - band.getMin() < material) {
                return new Judgement(Verdict.NO_LEAK, String.format(Locale.ROOT,
                        "The heap after every collection, which bounds the live set from above, stayed between %s"
                                + " and %s over %s (%d collections).", Bytes.format(band.getMin()),
                        Bytes.format(band.getMax()), Durations.format(envelope.span()), envelope.points()), "", false,
                        List.of());
            }
        }
        return inconclusive(liveSet, trend, envelopeGrowing ? envelopeGrowth : envelope, envelopeGrowing,
                anyCollections, observed, candidates);
    }

    private Judgement inconclusive(LiveSetReport liveSet, Trend trend, Trend envelope, boolean envelopeGrowing,
                                   boolean anyCollections, Duration observed, List<LeakCandidate> candidates) {
        if (!anyCollections) {
            return new Judgement(Verdict.INCONCLUSIVE, "No garbage collection events were found.",
                    "Record with jdk.GarbageCollection and jdk.GCHeapSummary enabled (JFR's default and profile"
                            + " settings enable both), for longer than the warm-up of " + Durations.format(config.warmUp())
                            + ".", false, candidates);
        }
        if (liveSet.afterGc().isEmpty() && liveSet.points().isEmpty()) {
            return new Judgement(Verdict.INCONCLUSIVE, "Collections were recorded, but no heap figures:"
                    + " jdk.GCHeapSummary is off in this recording.", "Record with jdk.GCHeapSummary enabled (JFR's"
                    + " default and profile settings enable it).", false, candidates);
        }
        if (envelopeGrowing) {
            return new Judgement(Verdict.INCONCLUSIVE, String.format(Locale.ROOT,
                    "The heap after collections rose by %s/min over %s, but too few collections freed the old"
                            + " generation (%d live-set measurements after warm-up) to tell a leak from promoted"
                            + " garbage.", Bytes.format(envelope.slopeBytesPerMinute()), Durations.format(envelope.span()),
                    trend == null ? countAfterWarmUp(liveSet) : trend.points()),
                    "Take heap inspections (class histograms after a full GC) some time apart, or record longer so"
                            + " that old or full collections occur; the live monitor inspects on suspicion.",
                    true, candidates);
        }
        String seen = trend != null ? String.format(Locale.ROOT, "%d live-set measurements over %s", trend.points(),
                Durations.format(trend.span())) : envelope != null ? String.format(Locale.ROOT,
                "%d collections over %s after warm-up", envelope.points(), Durations.format(envelope.span()))
                : "too few collections after the warm-up of " + Durations.format(config.warmUp());
        if (observed != null && observed.compareTo(config.warmUp().plus(config.minObservation())) < 0) {
            seen += " (the events span " + Durations.format(observed) + ", less than the warm-up of "
                    + Durations.format(config.warmUp()) + " plus the minimum observation of "
                    + Durations.format(config.minObservation()) + ")";
        }
        return new Judgement(Verdict.INCONCLUSIVE, "Not enough evidence yet: " + seen + "; a leak needs "
                + config.minLiveSetPoints() + " live-set measurements spanning at least "
                + Durations.format(config.minObservation()) + ", no leak twice as many.", "Record for longer.", false,
                candidates);
    }

    private long countAfterWarmUp(LiveSetReport liveSet) {
        return liveSet.points().size();
    }

    /**
     * The trend that shows growth: of all the points, or failing that of the latest half, quarter, ... of them (a
     * leak that began after a long flat stretch, which the trend of all points shows only slowly); null when none
     * does. A window grows when its trend does without levelling off, and, if the series ever dropped by material
     * growth, its latest level stands half the material growth above the peak before that drop: a buffer that
     * fills and is flushed, or a cache filling again after a flush, only climbs back to where it was.
     *
     * @param levels the series' levels, or null when a climb back counts as growth: the heap after every
     *               collection only raises a suspicion, and garbage sets its peaks
     */
    private Trend growth(List<TrendWindow> windows, LevelHistory levels, double material, long maxHeapBytes,
                         double significance) {
        double peak = levels == null ? Double.NEGATIVE_INFINITY : levels.peakBeforeLastDrop(material);
        for (int i = 0; i < windows.size(); i++) {
            TrendWindow window = windows.get(i);
            Trend trend = window.trend();
            // A live set that fills the heap has stopped growing only for want of room: it has not levelled off.
            boolean heapFull = maxHeapBytes > 0 && window.latestLevelBytes() >= FULL_HEAP_SHARE * maxHeapBytes;
            boolean beyondPeak = window.latestLevelBytes() >= peak + material / 2 || heapFull;
            if ((i == 0 || trend.span().compareTo(config.minObservation()) >= 0)
                    && growing(trend, material, significance) && (!trend.saturating() || heapFull) && beyondPeak) {
                return trend;
            }
        }
        return null;
    }

    private boolean growing(Trend trend, double material) {
        return growing(trend, material, config.significance());
    }

    /** Whether a trend rises significantly at a rate that makes material growth within {@link #NO_LEAK_HORIZON}. */
    private boolean creeping(Trend trend, double material) {
        return trend.slopeBytesPerSecond() > 0 && trend.pValue() < config.significance()
                && trend.slopeBytesPerSecond() * NO_LEAK_HORIZON.toSeconds() >= material;
    }

    private boolean growing(Trend trend, double material, double significance) {
        return trend.slopeBytesPerSecond() > 0 && trend.pValue() < significance
                && trend.growthBytes() >= material && trend.growthBytes() >= NOISE_MULTIPLE * trend.residualSigmaBytes();
    }

    /** Whether a candidate says what grows strongly enough to back a live-set trend. */
    private static boolean confirms(LeakCandidate candidate) {
        boolean applicationTypes = candidate.growingTypes().stream().anyMatch(type -> !TypeGroup.isJdkType(type));
        boolean types = candidate.hasEvidence(Evidence.Signal.TYPE_GROWTH)
                && candidate.shareOfLiveSetGrowth()
                >= (applicationTypes ? MIN_SHARE_OF_GROWTH : MIN_SHARE_OF_JDK_GROWTH);
        return types || candidate.hasEvidence(Evidence.Signal.SITE_ACCUMULATION);
    }

    private List<LeakCandidate> candidates(Trend liveGrowth, List<TypeGrowth> typeGrowth, List<SiteSummary> sites) {
        List<TypeGroup> groups = TypeGroup.of(typeGrowth.stream().filter(TypeGrowth::steady)
                .filter(type -> !isMonitorInternal(type.typeName())).toList());
        List<TypeGroup> unused = new ArrayList<>(groups);
        List<SiteSummary> applicationSites = sites.stream().filter(site -> site.allocationSite().stream()
                .noneMatch(frame -> isMonitorInternal(frame.typeName()))).toList();
        List<LeakCandidate> result = new ArrayList<>();
        for (SiteSummary site : applicationSites) {
            if (!site.accumulating()) {
                continue;
            }
            TypeGroup group = unused.stream().filter(g -> related(site).stream().anyMatch(g::contains))
                    .findFirst().orElse(null);
            unused.remove(group);
            result.add(candidate(site, group, liveGrowth));
        }
        for (TypeGroup group : unused) {
            SiteSummary site = applicationSites.stream().filter(s -> related(s).stream().anyMatch(group::contains))
                    .findFirst().orElse(null);
            result.add(candidate(site, group, liveGrowth));
        }
        // A container whose candidate is named after a JDK type (a map's boxed keys) is named after the application
        // class that other samples of it show (the map's Customer values), even before those accumulate themselves.
        for (int i = 0; i < result.size(); i++) {
            LeakCandidate candidate = result.get(i);
            if (candidate.accumulationPoint() == null || !TypeGroup.isJdkType(candidate.objectType())) {
                continue;
            }
            List<String> container = candidate.accumulationPoint().heldBy();
            SiteSummary named = applicationSites.stream().filter(site -> site.accumulationPoint() != null
                    && site.accumulationPoint().heldBy().equals(container)
                    && !TypeGroup.isJdkType(applicationOwner(site))).findFirst().orElse(null);
            if (named != null) {
                result.set(i, standFor(candidate, candidate(named, null, liveGrowth)));
            }
        }
        result.removeIf(c -> c.shareOfLiveSetGrowth() < MIN_SHARE_LISTED);
        // Candidates that say what grows strongly enough to back the live-set trend come first, so that the top
        // candidate is always the one a LEAK verdict rests on.
        result.sort(Comparator.comparing((LeakCandidate c) -> !confirms(c))
                .thenComparing(Comparator.comparingDouble(LeakCandidate::confidence).reversed())
                .thenComparing(Comparator.comparingDouble(LeakJudge::growthOrZero).reversed())
                .thenComparing(Comparator.comparingInt(LeakCandidate::liveSamples).reversed()));
        return withoutRepeatsOfOneLeak(result);
    }

    /**
     * One leak can be sampled at several allocation sites (a listener and the widget it captures, a map's keys and
     * its values); they accumulate in the same container, and one of them says everything, so the others are
     * dropped. The one kept is the best-ranked, unless another is named after an application class: a map's boxed
     * {@code Long} keys say less than its {@code Customer} values (see {@link #standFor}).
     */
    private List<LeakCandidate> withoutRepeatsOfOneLeak(List<LeakCandidate> ranked) {
        Map<List<String>, LeakCandidate> bestOfContainer = new HashMap<>();
        for (LeakCandidate candidate : ranked) {
            if (candidate.accumulationPoint() != null) {
                bestOfContainer.merge(candidate.accumulationPoint().heldBy(), candidate, LeakJudge::standFor);
            }
        }
        // The one kept takes the place of the best-ranked of its container.
        List<LeakCandidate> kept = new ArrayList<>();
        Set<List<String>> placed = new HashSet<>();
        for (LeakCandidate candidate : ranked) {
            if (candidate.accumulationPoint() == null) {
                kept.add(candidate);
            } else if (placed.add(candidate.accumulationPoint().heldBy())) {
                kept.add(bestOfContainer.get(candidate.accumulationPoint().heldBy()));
            }
        }
        return kept.size() > config.maxCandidates() ? kept.subList(0, config.maxCandidates()) : kept;
    }

    /**
     * Which of two candidates of one container stands for it: the better-ranked {@code kept}, unless it is named
     * after a JDK type and {@code other} after an application class. Then {@code other} stands, with the evidence of
     * both, so that it confirms the growth if {@code kept} did.
     */
    private static LeakCandidate standFor(LeakCandidate kept, LeakCandidate other) {
        if (!TypeGroup.isJdkType(kept.objectType()) || TypeGroup.isJdkType(other.objectType())) {
            return kept;
        }
        List<Evidence> evidence = new ArrayList<>(other.evidence());
        kept.evidence().stream().filter(e -> !evidence.contains(e)).forEach(evidence::add);
        boolean otherMeasured = !Double.isNaN(other.growthBytesPerMinute());
        LeakCandidate growth = otherMeasured ? other : kept;
        return new LeakCandidate(other.objectType(), growth.growingTypes(), other.allocationSite(),
                other.referenceChain(), other.rootDescription(), other.accumulationPoint(), other.liveSamples(),
                other.oldestAge(), other.firstSeen(), growth.growthBytesPerMinute(), growth.growthInstancesPerMinute(),
                growth.shareOfLiveSetGrowth(), Math.max(kept.confidence(), other.confidence()), evidence,
                other.exampleValue());
    }

    /**
     * The monitor's own state (the histograms and snapshots it keeps, JFR's buffers) grows until it reaches its
     * bounds; it is not the application's leak.
     */
    public static boolean isMonitorInternal(String typeName) {
        String element = typeName.replace("[]", "");
        return element.startsWith("io.leakwatch.core.") || element.startsWith("io.leakwatch.jfr.internal.")
                || element.startsWith("jdk.jfr.internal.") || element.startsWith("jdk.jfr.consumer.");
    }

    private static double growthOrZero(LeakCandidate candidate) {
        return Double.isNaN(candidate.growthBytesPerMinute()) ? 0 : candidate.growthBytesPerMinute();
    }

    /**
     * Types that belong to a site's objects: the sampled type, the holders between it and the array it accumulates
     * in (a sampled {@code long[]} held by {@code Customer.data}), and the application classes that allocated it.
     */
    static Set<String> related(SiteSummary site) {
        Set<String> types = new HashSet<>();
        types.add(site.objectType());
        for (ReferenceStep step : site.referenceChain()) {
            if (step.isArray() || step.isStatic()) {
                break;
            }
            types.add(step.holderType());
        }
        for (StackFrame frame : site.allocationSite()) {
            if (!frame.isJdkFrame()) {
                types.add(frame.typeName());
                break;
            }
        }
        return types;
    }

    /**
     * What a site's objects are, in the application's terms: the sampled type, or when that is the JDK's (the JVM
     * samples a session's {@code int[]}, not the session), the nearest application class that holds it, short of
     * the collection it accumulates in: {@code int[] ← Object[2] ← ArrayList.elementData ← Session.attrs ←
     * ConcurrentHashMap$Node.val ← ConcurrentHashMap$Node[65536]} names {@code Session}.
     */
    static String applicationOwner(SiteSummary site) {
        if (!TypeGroup.isJdkType(site.objectType())) {
            return site.objectType();
        }
        List<ReferenceStep> chain = site.referenceChain();
        for (int i = 0; i < chain.size(); i++) {
            ReferenceStep step = chain.get(i);
            boolean container = site.accumulationPoint() != null && (site.accumulationPoint().isShownBy(step.describe())
                    || site.accumulationPoint().linked() && ReferenceStep.linkRun(chain, i) > 1);
            if (container || step.isStatic()) {
                break;
            }
            if (!step.isArray() && !TypeGroup.isJdkType(step.holderType()) && !TypeGroup.isHidden(step.holderType())) {
                return step.holderType();
            }
        }
        return site.objectType();
    }

    private static LeakCandidate candidate(SiteSummary site, TypeGroup group, Trend liveGrowth) {
        List<Evidence> evidence = new ArrayList<>();
        double confidence = 0;
        if (liveGrowth != null) {
            confidence += WEIGHT_LIVE_SET;
            evidence.add(new Evidence(Evidence.Signal.LIVE_SET_GROWTH, String.format(Locale.ROOT,
                    "live set +%s/min over %s (%s)", Bytes.format(liveGrowth.slopeBytesPerMinute()),
                    Durations.format(liveGrowth.span()), pValue(liveGrowth.pValue()))));
        }
        double bytesPerMinute = Double.NaN;
        double instancesPerMinute = Double.NaN;
        String type = site != null ? applicationOwner(site) : group.principal().typeName();
        if (group != null) {
            confidence += WEIGHT_TYPE;
            bytesPerMinute = group.bytesPerMinute();
            TypeGrowth principal = group.principal();
            instancesPerMinute = principal.instancesPerMinute();
            if (site == null || !TypeGroup.isJdkType(principal.typeName())) {
                type = principal.typeName();
            }
            for (TypeGrowth member : group.members()) {
                evidence.add(new Evidence(Evidence.Signal.TYPE_GROWTH, String.format(Locale.ROOT,
                        "%s +%s/min (+%.0f instances/min), grew in %d of %d inspection intervals",
                        member.typeName(), Bytes.format(member.bytesPerMinute()), member.instancesPerMinute(),
                        member.growingSteps(), member.steps())));
            }
        }
        if (site != null && site.accumulating()) {
            confidence += WEIGHT_SITE;
            evidence.add(new Evidence(Evidence.Signal.SITE_ACCUMULATION, String.format(Locale.ROOT,
                    "%d samples of %s alive (from %d), new ones arrived in %d snapshots, %.0f%% of earlier ones"
                            + " still alive", site.liveSamples(), site.objectType(), site.liveSamplesAtFirst(),
                    site.arrivalSnapshots(), 100 * site.retention())));
        }
        if (site != null && site.accumulationPoint() != null && site.accumulationPoint().grew()) {
            confidence += WEIGHT_CONTAINER;
            evidence.add(new Evidence(Evidence.Signal.CONTAINER_GROWTH, String.format(Locale.ROOT,
                    "%s grew from %d to %d %s", site.accumulationPoint().describe(),
                    site.accumulationPoint().firstSize(), site.accumulationPoint().latestSize(),
                    site.accumulationPoint().linked() ? "links" : "elements")));
        }
        double share = liveGrowth == null || Double.isNaN(bytesPerMinute) ? Double.NaN
                : Math.min(1, bytesPerMinute / liveGrowth.slopeBytesPerMinute());
        List<String> growing = group == null ? List.of() : group.typeNames();
        return new LeakCandidate(type, growing, site == null ? List.of() : site.allocationSite(),
                site == null ? List.of() : site.referenceChain(), site == null ? "" : site.rootDescription(),
                site == null ? null : site.accumulationPoint(), site == null ? 0 : site.liveSamples(),
                site == null ? Duration.ZERO : site.oldestAge(), site == null ? null : site.firstAllocation(),
                bytesPerMinute, instancesPerMinute, share, Math.min(1, confidence), evidence,
                site == null ? "" : site.exampleValue());
    }

    /** A p-value as a reader expects it: {@code p=0.0427}, or {@code p<0.001} below what matters. */
    static String pValue(double p) {
        return p < 0.001 ? "p<0.001" : String.format(Locale.ROOT, "p=%.3g", p);
    }

    private static String measurements(LiveSetReport liveSet, Trend trend) {
        String sources = liveSet.trendSources().stream().map(s -> s.name().toLowerCase(Locale.ROOT)
                .replace('_', ' ')).sorted().reduce((a, b) -> a + " and " + b).orElse("no");
        String recent = trend == liveSet.trend() ? "" : String.format(Locale.ROOT, ", the latest %d of %d",
                trend.points(), liveSet.trend().points());
        return trend.points() + " " + sources + " measurements" + recent;
    }

    private static String exhaustion(Trend trend) {
        return trend.timeToExhaustion() == null ? ""
                : "; at this rate the heap is exhausted in about " + Durations.format(trend.timeToExhaustion());
    }
}
