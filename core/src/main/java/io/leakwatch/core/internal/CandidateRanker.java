package io.leakwatch.core.internal;

import io.leakwatch.core.ApplicationCode;
import io.leakwatch.core.AccumulationPoint;
import io.leakwatch.core.ContainerId;
import io.leakwatch.core.Evidence;
import io.leakwatch.core.JdkTypes;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.ReferenceStep;
import io.leakwatch.core.SiteSummary;
import io.leakwatch.core.StackFrame;
import io.leakwatch.core.TypeGrowth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds leak candidates from accumulating sites and steadily growing types, and ranks them. A site and the type
 * group it belongs to make one candidate; one container makes one candidate, keyed by its {@link ContainerId}
 * (never by the text shown). Candidates that confirm the live-set growth come first, so the top candidate is the
 * one a {@code LEAK} rests on.
 */
final class CandidateRanker {
    private static final double WEIGHT_LIVE_SET = 0.4;
    private static final double WEIGHT_TYPE = 0.3;
    private static final double WEIGHT_SITE = 0.2;
    private static final double WEIGHT_CONTAINER = 0.1;
    private static final double WEIGHT_STEADY = 0.1;

    private final int maxCandidates;
    private final ApplicationCode code;

    /** @param code which classes name a leak in the application's terms */
    CandidateRanker(int maxCandidates, ApplicationCode code) {
        this.maxCandidates = maxCandidates;
        this.code = code;
    }


    /**
     * @param liveGrowth      the live-set growth that candidates are to explain, or null when none was found
     * @param typeGrowth      types that grew between heap inspections
     * @param sites           old-object sample sites
     * @param allocationSites where each type was allocated lately, from allocation samples (null for a type none
     *                        sampled): a candidate no old-object sample places is placed by its types' allocation
     */
    List<LeakCandidate> rank(SlopeFit liveGrowth, List<TypeGrowth> typeGrowth, List<SiteSummary> sites,
                             Function<String, AllocationSiteTracker.Site> allocationSites) {
        List<TypeGroup> groups = TypeGroup.of(typeGrowth);
        List<TypeGroup> unused = new ArrayList<>(groups);
        List<LeakCandidate> result = new ArrayList<>();
        for (SiteSummary site : sites) {
            if (!site.accumulating() && !site.steady()) {
                continue;
            }
            result.add(candidate(site, TypeGroup.joined(takeRelated(unused, site)), liveGrowth, code));
        }
        while (!unused.isEmpty()) {
            List<TypeGroup> parts = new ArrayList<>(List.of(unused.remove(0)));
            SiteSummary site = placingSite(parts.get(0), sites);
            if (site != null) {
                parts.addAll(takeRelated(unused, site));
            }
            result.add(candidate(site, TypeGroup.joined(parts), liveGrowth, code));
        }
        // A container whose candidate is named after a JDK type (a map's boxed keys) is named after the application
        // class that other samples of it show (the map's Customer values), even before those accumulate themselves.
        for (int i = 0; i < result.size(); i++) {
            LeakCandidate candidate = result.get(i);
            if (candidate.accumulationPoint() == null || !JdkTypes.isJdk(candidate.objectType())) {
                continue;
            }
            ContainerId container = candidate.accumulationPoint().identity();
            SiteSummary named = sites.stream().filter(site -> site.accumulationPoint() != null
                    && site.accumulationPoint().identity().equals(container)
                    && !JdkTypes.isJdk(applicationOwner(site, code))).findFirst().orElse(null);
            if (named != null) {
                result.set(i, RepeatedCandidates.standFor(candidate, candidate(named, null, liveGrowth, code)));
            }
        }
        result.replaceAll(candidate -> placedByAllocation(candidate, allocationSites));
        result.removeIf(c -> c.shareOfLiveSetGrowth() < Thresholds.MIN_SHARE_LISTED);
        result.sort(Comparator.comparing((LeakCandidate c) -> c.status() != LeakCandidate.Status.CONFIRMED)
                .thenComparing(Comparator.comparingDouble(LeakCandidate::confidence).reversed())
                .thenComparing(Comparator.comparingDouble(CandidateRanker::growthOrZero).reversed())
                .thenComparing(Comparator.comparingInt(LeakCandidate::liveSamples).reversed()));
        List<LeakCandidate> kept = RepeatedCandidates.merged(result);
        return kept.size() > maxCandidates ? kept.subList(0, maxCandidates) : kept;
    }

    /**
     * A candidate that no old-object sample places, placed where most of its types' sampled allocation came from:
     * its own type first, then the others that grow with it, those not the JDK's when there are any (everything
     * allocates {@code byte[]}: an H2 table's rows, placed by the payload arrays that grow with them, were "allocated
     * at" the request churn's line, where 99% of the sampled {@code byte[]} came from). Allocation is not retention,
     * so the site must carry most of the type's allocation ({@link Thresholds#MIN_ALLOCATION_SHARE}) to stand for it.
     */
    private LeakCandidate placedByAllocation(LeakCandidate candidate,
                                             Function<String, AllocationSiteTracker.Site> allocationSites) {
        if (!candidate.allocationSite().isEmpty()) {
            return candidate;
        }
        List<String> types = new ArrayList<>(List.of(candidate.objectType()));
        candidate.growingTypes().stream().filter(type -> !types.contains(type)).forEach(types::add);
        if (types.stream().anyMatch(type -> !JdkTypes.isJdk(type))) {
            types.removeIf(JdkTypes::isJdk);
        }
        for (String type : types) {
            AllocationSiteTracker.Site site = allocationSites.apply(type);
            if (site != null && site.share() >= Thresholds.MIN_ALLOCATION_SHARE
                    && site.samples() >= Thresholds.MIN_ALLOCATION_SAMPLES) {
                List<Evidence> evidence = new ArrayList<>(candidate.evidence());
                evidence.add(Prose.allocationEvidence(type, site));
                int applicationFrame = code.firstApplicationFrame(site.frames());
                return new LeakCandidate(candidate.objectType(), candidate.status(), candidate.growingTypes(),
                        site.frames(), candidate.referenceChain(), candidate.rootDescription(),
                        candidate.accumulationPoint(), candidate.liveSamples(), candidate.oldestAge(),
                        candidate.firstSeen(), candidate.growthBytesPerMinute(), candidate.growthInstancesPerMinute(),
                        candidate.shareOfLiveSetGrowth(), candidate.confidence(), evidence, candidate.exampleValue(),
                        applicationFrame, Fingerprint.of(candidate.objectType(), candidate.accumulationPoint(),
                        applicationFrame < 0 ? null : site.frames().get(applicationFrame)));
            }
        }
        return candidate;
    }

    /**
     * Whether a candidate says what grows strongly enough to back a live-set trend: types not the JDK's grow with it
     * and explain at least {@link Thresholds#MIN_SHARE_OF_GROWTH} of the growth, or its samples keep arriving and
     * staying alive.
     *
     * <p>Growth of JDK types alone ({@code byte[]}, {@code String}, {@code HashMap$Node}, {@code Instant}) never
     * confirms by itself: everything holds such objects, the JVM's own start-up and the monitor's state too. A
     * healthy LRU cache under Serial GC grew 6.7 MB/min in a minute of noisy full collections, and the 18% of it that
     * byte[] and String explained made a false LEAK; with half of it required instead, an idle program's first minute
     * still grew 0.8 MB/min in byte[], String, HashMap$Node and Instant (the monitor's own bounded state filling), and
     * a healthy G1 cache measured 3.7 MB/min of it with evidence 22,000:1. Such a candidate needs old-object samples
     * that accumulate.
     */
    static boolean confirms(LeakCandidate candidate) {
        boolean types = candidate.hasEvidence(Evidence.Signal.TYPE_GROWTH) && !jdkTypesOnly(candidate)
                && candidate.shareOfLiveSetGrowth() >= Thresholds.MIN_SHARE_OF_GROWTH;
        return types || candidate.hasEvidence(Evidence.Signal.SITE_ACCUMULATION);
    }

    static boolean jdkTypesOnly(LeakCandidate candidate) {
        return candidate.growingTypes().stream().allMatch(JdkTypes::isJdk);
    }

    private static double growthOrZero(LeakCandidate candidate) {
        return Double.isNaN(candidate.growthBytesPerMinute()) ? 0 : candidate.growthBytesPerMinute();
    }

    /** The first site that ties a group no accumulating site took ({@link TypeGroup#tiedTo}), or null. */
    private static SiteSummary placingSite(TypeGroup group, List<SiteSummary> sites) {
        return sites.stream().filter(s -> group.tiedTo(related(s))).findFirst().orElse(null);
    }

    /**
     * Removes and returns the groups that hold a type of the site's objects. One site ties them into one structure
     * even when their instance rates differ: a {@code RequestContext} gained 22,000 instances a minute and the
     * {@code byte[]} it allocates and holds 28,000 (other arrays churn too), and apart, the application type explained
     * 1.4% of the growth and the {@code byte[]} 91% as a JDK type alone, so neither confirmed it (a live {@code LEAK}
     * waited 75 s for the samples to accumulate instead).
     */
    private static List<TypeGroup> takeRelated(List<TypeGroup> unused, SiteSummary site) {
        Set<String> types = related(site);
        List<TypeGroup> taken = unused.stream().filter(g -> g.tiedTo(types)).toList();
        unused.removeAll(taken);
        return taken;
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
     * What a site's objects are, in the application's terms: the sampled type when it is not the JDK's, or (the JVM
     * samples a session's {@code int[]}, not the session) the nearest class that holds it short of the storage it
     * accumulates in, an application class before a library's: {@code int[] ← Object[2] ← ArrayList.elementData ←
     * Session.attrs ← ConcurrentHashMap$Node.val ← ConcurrentHashMap$Node[65536]} names {@code Session}.
     */
    static String applicationOwner(SiteSummary site, ApplicationCode code) {
        if (!JdkTypes.isJdk(site.objectType())) {
            return site.objectType();
        }
        List<ReferenceStep> chain = site.referenceChain();
        int end = storageIn(chain, site.accumulationPoint());
        String library = null;
        for (int i = 0; i < end; i++) {
            ReferenceStep step = chain.get(i);
            if (step.isStatic()) {
                break;
            }
            if (step.isArray() || JdkTypes.isJdk(step.holderType()) || JdkTypes.isHidden(step.holderType())) {
                continue;
            }
            if (code.isApplication(step.holderType())) {
                return step.holderType();
            }
            if (library == null) {
                library = step.holderType();
            }
        }
        return library != null ? library : site.objectType();
    }

    /** Where a point's storage begins in a chain: its own index when it was read from it, else the first like step. */
    private static int storageIn(List<ReferenceStep> chain, AccumulationPoint point) {
        if (point == null) {
            return chain.size();
        }
        if (point.chain().equals(chain)) {
            return point.storageIndex();
        }
        ReferenceStep storage = point.storage().shape();
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i).shape().equals(storage) || point.linked() && ReferenceStep.linkRun(chain, i) > 1) {
                return i;
            }
        }
        return chain.size();
    }

    private static LeakCandidate candidate(SiteSummary site, TypeGroup group, SlopeFit liveGrowth,
                                           ApplicationCode code) {
        List<Evidence> evidence = new ArrayList<>();
        double confidence = 0;
        if (liveGrowth != null) {
            confidence += WEIGHT_LIVE_SET;
            evidence.add(Prose.liveSetEvidence(liveGrowth));
        }
        double bytesPerMinute = Double.NaN;
        double instancesPerMinute = Double.NaN;
        String type = site != null ? applicationOwner(site, code) : group.principal(code).typeName();
        if (group != null) {
            confidence += WEIGHT_TYPE;
            bytesPerMinute = group.bytesPerMinute();
            TypeGrowth principal = group.principal(code);
            instancesPerMinute = principal.instancesPerMinute();
            // The types name the candidate unless the site already names it after the application's code.
            if (site == null || !JdkTypes.isJdk(principal.typeName()) && !code.isApplication(type)) {
                type = principal.typeName();
            }
            group.members().forEach(member -> evidence.add(Prose.typeEvidence(member)));
        }
        if (site != null && site.accumulating()) {
            confidence += WEIGHT_SITE;
            evidence.add(Prose.siteEvidence(site));
        } else if (site != null && site.steady()) {
            confidence += WEIGHT_STEADY;
            evidence.add(Prose.steadyEvidence(site));
        }
        if (site != null && site.accumulationPoint() != null && site.accumulationPoint().grew()) {
            confidence += WEIGHT_CONTAINER;
            evidence.add(Prose.containerEvidence(site.accumulationPoint()));
        }
        double share = liveGrowth == null || Double.isNaN(bytesPerMinute) ? Double.NaN
                : Math.min(1, bytesPerMinute / (liveGrowth.slopeBytesPerSecond() * 60));
        List<String> growing = group == null ? List.of() : group.typeNames();
        AccumulationPoint point = site == null ? null : site.accumulationPoint();
        int applicationFrame = site == null ? -1 : site.applicationFrame();
        String fingerprint = Fingerprint.of(type, point, site == null || applicationFrame < 0 ? null
                : site.allocationSite().get(applicationFrame));
        LeakCandidate candidate = new LeakCandidate(type, LeakCandidate.Status.SUSPECTED, growing,
                site == null ? List.of() : site.allocationSite(), site == null ? List.of() : site.referenceChain(),
                site == null ? "" : site.rootDescription(), point,
                site == null ? 0 : site.liveSamples(), site == null ? Duration.ZERO : site.oldestAge(),
                site == null ? null : site.firstAllocation(), bytesPerMinute, instancesPerMinute, share,
                Math.min(1, confidence), evidence, site == null ? "" : site.exampleValue(), applicationFrame,
                fingerprint);
        return confirms(candidate) ? candidate.withStatus(LeakCandidate.Status.CONFIRMED) : candidate;
    }
}
