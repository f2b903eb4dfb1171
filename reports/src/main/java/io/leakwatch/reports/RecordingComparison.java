package io.leakwatch.reports;

import io.leakwatch.core.AccumulationPoint;
import io.leakwatch.core.Analysis;
import io.leakwatch.core.Bytes;
import io.leakwatch.core.HeapPoint;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.KindReport;
import io.leakwatch.core.LeakKind;
import io.leakwatch.core.LiveSetPoint;
import io.leakwatch.core.SeriesPoint;
import io.leakwatch.core.SiteSummary;
import io.leakwatch.core.StackFrame;
import io.leakwatch.core.TypeGrowth;
import io.leakwatch.core.Verdict;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What grew between two recordings of the same program, like comparing two heap snapshots: the live set, the leak
 * candidates matched by fingerprint (the same leak after a restart is one), the allocation sites of long-surviving
 * objects, the types counted by heap inspections, and the kinds outside the heap side by side (metaspace, threads,
 * direct memory, native memory by category).
 *
 * @param liveSetBeforeBytes the live set at the end of the first recording (its last measurement, or the lowest
 *                           heap after GC in its last minute), or -1 when unknown
 * @param liveSetAfterBytes  the same for the second recording
 * @param leaks              the leak candidates of either recording, matched by fingerprint: one leak seen in both
 *                           is one entry, whatever its sizes, addresses or the JVM's run
 * @param sites              allocation sites whose live samples changed, most grown first
 * @param types              types whose bytes changed in heap inspections, most grown first
 * @param kinds              each kind outside the heap (and native memory category) recorded in either, in the
 *                           order of the analysis: its latest measurement and its verdict in each
 */
public record RecordingComparison(long liveSetBeforeBytes, long liveSetAfterBytes, List<LeakChange> leaks,
                                  List<SiteChange> sites, List<TypeChange> types, List<KindChange> kinds) {
    private static final Duration LAST_MINUTE = Duration.ofMinutes(1);

    /**
     * One leak candidate, by fingerprint, in the first recording, the second or both.
     *
     * @param before its candidate in the first recording, or null
     * @param after  its candidate in the second recording, or null
     */
    public record LeakChange(String fingerprint, LeakCandidate before, LeakCandidate after) {
        /** The candidate to describe it by: the latest. */
        public LeakCandidate latest() {
            return after != null ? after : before;
        }
    }

    /** How the live samples of one site changed. */
    public record SiteChange(String type, String site, int samplesBefore, int samplesAfter) {
        public int delta() {
            return samplesAfter - samplesBefore;
        }
    }

    /** How the bytes of one type changed between the latest inspections of each recording. */
    public record TypeChange(String type, long bytesBefore, long bytesAfter, long instancesBefore,
                             long instancesAfter) {
        public long delta() {
            return bytesAfter - bytesBefore;
        }
    }

    /**
     * One kind's series in both recordings.
     *
     * @param before its latest measurement in the first recording, or -1 when it was not recorded there
     * @param after  the same in the second
     * @param verdictBefore its verdict in the first recording, or null when not recorded
     * @param verdictAfter  its verdict in the second, or null
     */
    public record KindChange(LeakKind kind, String series, long before, long after, Verdict verdictBefore,
                             Verdict verdictAfter) {
        /** The kind and series for people, as {@link KindReport#displayName()}. */
        public String displayName() {
            return kind == LeakKind.NATIVE_MEMORY ? kind.displayName() + " (" + series + ")" : kind.displayName();
        }
    }

    public RecordingComparison {
        leaks = List.copyOf(leaks);
        sites = List.copyOf(sites);
        types = List.copyOf(types);
        kinds = List.copyOf(kinds);
    }

    /** Compares the analyses of a recording taken before and one taken after. */
    public static RecordingComparison of(Analysis before, Analysis after) {
        Map<String, SiteSummary> sitesBefore = sitesByKey(before);
        Map<String, SiteSummary> sitesAfter = sitesByKey(after);
        Set<String> siteKeys = new LinkedHashSet<>(sitesBefore.keySet());
        siteKeys.addAll(sitesAfter.keySet());
        List<SiteChange> sites = new ArrayList<>();
        for (String key : siteKeys) {
            SiteSummary then = sitesBefore.get(key);
            SiteSummary now = sitesAfter.get(key);
            SiteSummary any = now != null ? now : then;
            SiteChange change = new SiteChange(any.objectType(), siteName(any), then == null ? 0 : then.liveSamples(),
                    now == null ? 0 : now.liveSamples());
            if (change.delta() != 0) {
                sites.add(change);
            }
        }
        sites.sort(Comparator.comparingInt(SiteChange::delta).reversed().thenComparing(SiteChange::type));

        Map<String, TypeGrowth> typesBefore = typesByName(before);
        Map<String, TypeGrowth> typesAfter = typesByName(after);
        Set<String> typeNames = new LinkedHashSet<>(typesBefore.keySet());
        typeNames.addAll(typesAfter.keySet());
        List<TypeChange> types = new ArrayList<>();
        for (String name : typeNames) {
            TypeGrowth then = typesBefore.get(name);
            TypeGrowth now = typesAfter.get(name);
            TypeChange change = new TypeChange(name, then == null ? 0 : then.bytesLatest(),
                    now == null ? 0 : now.bytesLatest(), then == null ? 0 : then.instancesLatest(),
                    now == null ? 0 : now.instancesLatest());
            if (change.delta() != 0) {
                types.add(change);
            }
        }
        types.sort(Comparator.comparingLong(TypeChange::delta).reversed().thenComparing(TypeChange::type));
        return new RecordingComparison(latestLiveSet(before), latestLiveSet(after), leaks(before, after), sites,
                types, kinds(before, after));
    }

    private static List<LeakChange> leaks(Analysis before, Analysis after) {
        Map<String, LeakCandidate> then = new LinkedHashMap<>();
        before.candidates().forEach(candidate -> then.putIfAbsent(candidate.fingerprint(), candidate));
        Map<String, LeakCandidate> now = new LinkedHashMap<>();
        after.candidates().forEach(candidate -> now.putIfAbsent(candidate.fingerprint(), candidate));
        List<LeakChange> leaks = new ArrayList<>();
        now.forEach((fingerprint, candidate) -> leaks.add(new LeakChange(fingerprint, then.get(fingerprint),
                candidate)));
        then.forEach((fingerprint, candidate) -> {
            if (!now.containsKey(fingerprint)) {
                leaks.add(new LeakChange(fingerprint, candidate, null));
            }
        });
        return leaks;
    }

    private static List<KindChange> kinds(Analysis before, Analysis after) {
        Map<String, KindReport> then = new HashMap<>();
        before.kinds().stream().filter(KindReport::recorded).forEach(k -> then.put(k.kind() + "/" + k.series(), k));
        Map<String, KindReport> now = new HashMap<>();
        after.kinds().stream().filter(KindReport::recorded).forEach(k -> now.put(k.kind() + "/" + k.series(), k));
        Set<String> keys = new LinkedHashSet<>();
        before.kinds().stream().filter(KindReport::recorded).forEach(k -> keys.add(k.kind() + "/" + k.series()));
        after.kinds().stream().filter(KindReport::recorded).forEach(k -> keys.add(k.kind() + "/" + k.series()));
        List<KindChange> changes = new ArrayList<>();
        for (String key : keys) {
            KindReport a = then.get(key);
            KindReport b = now.get(key);
            KindReport any = b != null ? b : a;
            changes.add(new KindChange(any.kind(), any.series(), latest(a), latest(b), a == null ? null : a.verdict(),
                    b == null ? null : b.verdict()));
        }
        changes.sort(Comparator.comparing(KindChange::kind));
        return changes;
    }

    private static long latest(KindReport kind) {
        if (kind == null || kind.points().isEmpty()) {
            return -1;
        }
        List<SeriesPoint> points = kind.points();
        return points.get(points.size() - 1).value();
    }

    /** The comparison for a terminal. */
    public String renderText() {
        StringBuilder out = new StringBuilder("Leakwatch comparison\n");
        out.append("  live set: ").append(liveSetText(liveSetBeforeBytes)).append(" -> ")
                .append(liveSetText(liveSetAfterBytes));
        if (liveSetBeforeBytes >= 0 && liveSetAfterBytes >= 0) {
            out.append(" (").append(liveSetAfterBytes >= liveSetBeforeBytes ? "+" : "")
                    .append(Bytes.format(liveSetAfterBytes - liveSetBeforeBytes)).append(')');
        }
        out.append('\n');
        out.append("\nLeak candidates by fingerprint:\n");
        if (leaks.isEmpty()) {
            out.append("  none in either recording\n");
        }
        for (LeakChange leak : leaks) {
            String where = leak.before() != null && leak.after() != null ? "in both" : leak.after() != null
                    ? "new" : "gone";
            AccumulationPoint point = leak.latest().accumulationPoint();
            out.append(String.format(Locale.ROOT, "  %s  %-7s %s%s%n", leak.fingerprint(), where,
                    leak.latest().objectType(), point == null ? "" : ", in " + point.describe()));
        }
        out.append("\nTypes counted by heap inspections (bytes before -> after):\n");
        if (types.isEmpty()) {
            out.append("  no heap inspections in both recordings\n");
        }
        for (TypeChange type : types.subList(0, Math.min(20, types.size()))) {
            out.append(String.format(Locale.ROOT, "  %+12s  %s (%s -> %s, %+d instances)%n", Bytes.format(type.delta()),
                    type.type(), Bytes.format(type.bytesBefore()), Bytes.format(type.bytesAfter()),
                    type.instancesAfter() - type.instancesBefore()));
        }
        out.append("\nOutside the heap (latest measurement before -> after, verdict before -> after):\n");
        if (kinds.isEmpty()) {
            out.append("  none recorded in either\n");
        }
        for (KindChange kind : kinds) {
            if (kind.kind() == LeakKind.NATIVE_MEMORY && kind.verdictBefore() != Verdict.LEAK
                    && kind.verdictAfter() != Verdict.LEAK && Math.abs(kind.after() - kind.before()) < 1_000_000) {
                continue; // a native category that changed by less than a megabyte says nothing here
            }
            out.append(String.format(Locale.ROOT, "  %-28s %s -> %s%s (%s -> %s)%n", kind.displayName(),
                    value(kind.kind(), kind.before()), value(kind.kind(), kind.after()),
                    kind.before() >= 0 && kind.after() >= 0 ? " (" + (kind.after() >= kind.before() ? "+" : "")
                            + kind.kind().format(kind.after() - kind.before()) + ")" : "",
                    kind.verdictBefore() == null ? "not recorded" : kind.verdictBefore(),
                    kind.verdictAfter() == null ? "not recorded" : kind.verdictAfter()));
        }
        out.append("\nAllocation sites of long-surviving sampled objects (live samples before -> after):\n");
        if (sites.isEmpty()) {
            out.append("  no change (or no old-object samples)\n");
        }
        for (SiteChange site : sites.subList(0, Math.min(20, sites.size()))) {
            out.append(String.format(Locale.ROOT, "  %+4d  %s at %s (%d -> %d)%n", site.delta(), site.type(),
                    site.site(), site.samplesBefore(), site.samplesAfter()));
        }
        return out.toString();
    }

    private static String value(LeakKind kind, long value) {
        return value < 0 ? "not recorded" : kind.format(value);
    }

    private static String liveSetText(long bytes) {
        return bytes < 0 ? "unknown" : Bytes.format(bytes);
    }

    private static long latestLiveSet(Analysis analysis) {
        List<LiveSetPoint> points = analysis.liveSet().points();
        if (!points.isEmpty()) {
            return points.get(points.size() - 1).bytes();
        }
        List<HeapPoint> afterGc = analysis.liveSet().afterGc();
        if (afterGc.isEmpty()) {
            return -1;
        }
        Instant last = afterGc.get(afterGc.size() - 1).time();
        return afterGc.stream().filter(p -> !p.time().isBefore(last.minus(LAST_MINUTE))).mapToLong(HeapPoint::bytes)
                .min().orElse(-1);
    }

    private static Map<String, SiteSummary> sitesByKey(Analysis analysis) {
        Map<String, SiteSummary> sites = new HashMap<>();
        for (SiteSummary site : analysis.sites()) {
            sites.merge(site.objectType() + " @ " + siteName(site), site, (a, b) -> a.liveSamples() >= b.liveSamples()
                    ? a : b);
        }
        return sites;
    }

    private static String siteName(SiteSummary site) {
        StackFrame frame = site.frameToShow();
        return frame == null ? "unknown" : frame.toString();
    }

    private static Map<String, TypeGrowth> typesByName(Analysis analysis) {
        Map<String, TypeGrowth> types = new HashMap<>();
        analysis.typeGrowth().forEach(type -> types.put(type.typeName(), type));
        return types;
    }
}
