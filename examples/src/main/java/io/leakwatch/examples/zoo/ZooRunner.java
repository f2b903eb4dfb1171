package io.leakwatch.examples.zoo;

import io.leakwatch.core.AccumulationPoint;
import io.leakwatch.core.Analysis;
import io.leakwatch.core.KindReport;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.LeakKind;
import io.leakwatch.core.ReferenceStep;
import io.leakwatch.core.Verdict;
import io.leakwatch.jfr.LeakMonitor;
import io.leakwatch.reports.TextReport;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs one zoo scenario under a {@link LeakMonitor} started from {@code leakwatch.*} system properties, then prints
 * what the monitor concluded, one {@code key=value} per line: {@code scenario}, {@code truth} (the leaking class or
 * {@code none}), {@code verdict}, {@code reason}, {@code verdicts} (every verdict announced), {@code leakAfterSeconds}
 * and {@code noLeakAfterSeconds} (when each was first announced, -1 if never), {@code heapUsedAtLeak},
 * {@code liveSetAtLeak} (the live set the verdict saw then, bytes), {@code exhaustionAtLeakSeconds} (the time to
 * exhaustion it projected, -1 if none), {@code topType}, {@code topGrowingTypes}, {@code topFrame},
 * {@code topAccumulation}, {@code topChain}, {@code topVia} (the call the application frame allocated through),
 * {@code topContainer} (the container's type), {@code topKnownContainer}, {@code topSuspect} (the suspect reference),
 * {@code topFingerprint}, {@code report} (the text report of the top candidate, lines joined by {@code \n}); and for
 * each kind outside the heap ({@code ClassMetadata}, {@code Threads}, {@code DirectMemory}, {@code NativeMemory}):
 * {@code verdictOf<Kind>} (its own verdict, or {@code NOT_RECORDED}), {@code leakAfterSecondsOf<Kind>},
 * {@code topOf<Kind>} (its top candidate's type, growing types and first application frame) and
 * {@code reasonOf<Kind>}. The top-candidate lines of a scenario of another kind than the heap describe that kind's
 * top candidate.
 *
 * <p>Usage: {@code ZooRunner <scenario>[+<scenario>...] <seconds> [until-leak]}; with {@code until-leak} the run ends
 * a few seconds after every kind the scenarios leak is {@code LEAK} (and the heap's top candidate has a reference
 * chain, or {@value #CHAIN_WAIT_SECONDS} s have passed since its {@code LEAK}) instead of at its full length.
 */
public final class ZooRunner {
    /**
     * How long a run with {@code until-leak} waits after a heap {@code LEAK} for its top candidate's reference chain:
     * the monitor fetches a missing chain a snapshot interval after the {@code LEAK}, and the JVM's search for paths to
     * roots may leave one snapshot's samples without a chain, so a few snapshots fit.
     */
    static final long CHAIN_WAIT_SECONDS = 30;

    private ZooRunner() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ZooRunner <scenario> <seconds> [until-leak]; scenarios: " + Zoo.names());
            System.exit(2);
        }
        long start = System.nanoTime();
        Scenario scenario = Zoo.create(args[0]);
        long end = start + TimeUnit.SECONDS.toNanos(Long.parseLong(args[1]));
        boolean untilLeak = args.length > 2 && args[2].equals("until-leak");
        List<String> verdicts = new ArrayList<>();
        long[] leakAt = {-1, 0, -1, -1};
        long[] noLeakAt = {-1};
        Set<LeakKind> leaking = leakingKinds(scenario);
        Map<LeakKind, Long> kindLeakAt = new EnumMap<>(LeakKind.class);
        long lastCheck = 0;
        try (scenario; LeakMonitor monitor = LeakMonitor.start()) {
            monitor.addListener(analysis -> {
                synchronized (verdicts) {
                    verdicts.add(analysis.verdict().name());
                    if (analysis.verdict() == Verdict.LEAK && leakAt[0] < 0) {
                        leakAt[0] = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
                        leakAt[1] = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
                        leakAt[2] = analysis.liveSet().trend() == null ? -1
                                : (long) analysis.liveSet().trend().fittedLatestBytes();
                        leakAt[3] = analysis.projectedExhaustion() == null ? -1
                                : analysis.projectedExhaustion().toSeconds();
                    }
                    if (analysis.verdict() == Verdict.NO_LEAK && noLeakAt[0] < 0) {
                        noLeakAt[0] = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
                    }
                }
            });
            long allLeakedAt = -1;
            while (System.nanoTime() < end && !(untilLeak && allLeakedAt >= 0
                    && System.nanoTime() - allLeakedAt > TimeUnit.SECONDS.toNanos(3))) {
                scenario.step();
                if (System.nanoTime() - lastCheck > TimeUnit.SECONDS.toNanos(1)) {
                    lastCheck = System.nanoTime();
                    Analysis now = monitor.snapshot();
                    for (KindReport kind : now.kinds()) {
                        if (kind.verdict() == Verdict.LEAK) {
                            kindLeakAt.putIfAbsent(kind.kind(), TimeUnit.NANOSECONDS.toSeconds(lastCheck - start));
                        }
                    }
                    boolean heapDone = !leaking.contains(LeakKind.HEAP) || heapReported(now, verdicts, leakAt,
                            TimeUnit.NANOSECONDS.toSeconds(lastCheck - start));
                    if (allLeakedAt < 0 && !leaking.isEmpty() && heapDone && leaking.stream()
                            .allMatch(kind -> kind == LeakKind.HEAP || kindLeakAt.containsKey(kind))) {
                        allLeakedAt = System.nanoTime();
                    }
                }
            }
            Analysis last = monitor.snapshot();
            print(args[0], scenario, last);
            printKinds(last, kindLeakAt);
        }
        synchronized (verdicts) {
            System.out.println("verdicts=" + String.join(" ", verdicts));
            System.out.println("leakAfterSeconds=" + leakAt[0]);
            System.out.println("noLeakAfterSeconds=" + noLeakAt[0]);
            System.out.println("heapUsedAtLeak=" + leakAt[1]);
            System.out.println("liveSetAtLeak=" + leakAt[2]);
            System.out.println("exhaustionAtLeakSeconds=" + leakAt[3]);
            System.out.println("maxHeap=" + Runtime.getRuntime().maxMemory());
        }
        // A leaked executor's threads are not daemons: they would keep this JVM alive, as they would a service.
        System.exit(0);
    }

    /** Whether the heap's LEAK has been announced and its top candidate is held by a chain (or has waited enough). */
    private static boolean heapReported(Analysis now, List<String> verdicts, long[] leakAt, long elapsedSeconds) {
        long leakSeconds;
        synchronized (verdicts) {
            leakSeconds = leakAt[0];
        }
        if (leakSeconds < 0) {
            return false;
        }
        LeakCandidate top = now.topCandidate();
        boolean held = top != null && !top.referenceChain().isEmpty();
        return held || elapsedSeconds - leakSeconds >= CHAIN_WAIT_SECONDS;
    }

    /** The kinds the scenario (or each part of a composite) leaks. */
    private static Set<LeakKind> leakingKinds(Scenario scenario) {
        Set<LeakKind> kinds = EnumSet.noneOf(LeakKind.class);
        List<Scenario> parts = scenario instanceof CompositeScenario composite ? composite.parts() : List.of(scenario);
        parts.stream().filter(part -> part.leakingClass() != null).forEach(part -> kinds.add(part.kind()));
        return kinds;
    }

    private static void printKinds(Analysis analysis, Map<LeakKind, Long> leakAt) {
        for (LeakKind kind : LeakKind.values()) {
            if (kind == LeakKind.HEAP) {
                continue;
            }
            String name = camel(kind);
            List<KindReport> reports = analysis.kinds().stream().filter(k -> k.kind() == kind).toList();
            boolean recorded = reports.stream().anyMatch(KindReport::recorded);
            Verdict verdict = reports.stream().map(KindReport::verdict).min(Enum::compareTo).orElse(null);
            System.out.println("verdictOf" + name + "=" + (!recorded || verdict == null ? "NOT_RECORDED" : verdict));
            System.out.println("leakAfterSecondsOf" + name + "=" + leakAt.getOrDefault(kind, -1L));
            KindReport decisive = reports.stream().filter(k -> k.verdict() == verdict).findFirst().orElse(null);
            System.out.println("reasonOf" + name + "=" + (decisive == null || decisive.findings().isEmpty() ? ""
                    : decisive.displayName() + ": " + decisive.findings().get(0).rule().id()));
            LeakCandidate top = analysis.topCandidate(kind);
            System.out.println("topOf" + name + "=" + (top == null ? "" : top.objectType() + " "
                    + String.join(" ", top.growingTypes()) + " " + (top.firstApplicationFrame() == null ? ""
                    : top.firstApplicationFrame()) + (top.namePattern().isEmpty() ? "" : " " + top.namePattern())));
        }
    }

    private static String camel(LeakKind kind) {
        StringBuilder name = new StringBuilder();
        for (String word : kind.name().toLowerCase(Locale.ROOT).split("_")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }

    private static void print(String name, Scenario scenario, Analysis analysis) {
        System.out.println("scenario=" + name);
        System.out.println("truth=" + (scenario.leakingClass() == null ? "none" : scenario.leakingClass()));
        System.out.println("kind=" + scenario.kind());
        System.out.println("verdict=" + analysis.verdict());
        System.out.println("reason=" + analysis.reason());
        LeakCandidate top = scenario.kind() == LeakKind.HEAP ? analysis.topCandidate()
                : analysis.topCandidate(scenario.kind());
        if (top != null) {
            System.out.println("topType=" + top.objectType());
            System.out.println("topGrowingTypes=" + String.join(" ", top.growingTypes()));
            System.out.println("topFrame=" + (top.firstApplicationFrame() == null ? "" : top.firstApplicationFrame()));
            System.out.println("topAccumulation=" + (top.accumulationPoint() == null ? ""
                    : top.accumulationPoint().describe()));
            System.out.println("topChain=" + String.join(" <- ", top.referenceChain().stream()
                    .map(ReferenceStep::describe).toList()));
            System.out.println("topVia=" + (top.viaFrame() == null ? "" : top.viaFrame()));
            AccumulationPoint point = top.accumulationPoint();
            System.out.println("topContainer=" + (point == null ? "" : point.containerType()));
            System.out.println("topKnownContainer=" + (point == null || point.knownContainer() == null ? ""
                    : point.knownContainer()));
            System.out.println("topSuspect=" + (point == null || point.suspect() == null ? ""
                    : point.suspect().describe()));
            System.out.println("topFingerprint=" + top.fingerprint());
            System.out.println("topHoldersReal=" + top.referenceChain().stream().allMatch(step -> !step.isStatic()
                    || step.holderType().equals("java.lang.Class")));
            String report = TextReport.render(analysis);
            int from = report.indexOf("\nCandidate 1 of");
            int to = report.indexOf("\nCandidate 2 of");
            to = to < 0 ? report.indexOf("\nLive set:") : to;
            System.out.println("report=" + (from < 0 || to < from ? "" : report.substring(from + 1, to)
                    .replace("\n", "\\n")));
        }
    }
}
