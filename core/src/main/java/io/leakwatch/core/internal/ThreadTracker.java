package io.leakwatch.core.internal;

import io.leakwatch.core.Evidence;
import io.leakwatch.core.LeakKind;
import io.leakwatch.core.StackFrame;
import io.leakwatch.core.ThreadEnd;
import io.leakwatch.core.ThreadStart;
import io.leakwatch.core.ThreadStatistics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Threads: the live-thread count of every {@code jdk.JavaThreadStatistics} sample (exact: a thread is alive until it
 * ends, so every sample is a measurement), and the threads started and not yet ended, grouped by their name pattern
 * and the stack that started them. A group whose live threads, started since the trend began, make up most of the
 * growth is the code behind it. Not thread-safe.
 */
final class ThreadTracker {
    static final String SERIES = "threads";
    /** Live threads followed at most; past this, new ones are not (a leak this large is named already). */
    private static final int LIVE_LIMIT = 65_536;
    /** Frames of the starting stack that identify its site. */
    private static final int SITE_FRAMES = 8;
    private static final Pattern NUMBERS = Pattern.compile("\\d+");

    private final WarmUpClock warmUp;
    private final SeriesRecorder threads = new SeriesRecorder(true);
    private final Map<Long, LiveThread> live = new LinkedHashMap<>();
    private long startsSeen;

    ThreadTracker(WarmUpClock warmUp) {
        this.warmUp = warmUp;
    }

    void record(ThreadStatistics statistics) {
        warmUp.noteTime(statistics.time());
        threads.sample(statistics.time(), statistics.activeCount());
    }

    void record(ThreadStart start) {
        warmUp.noteTime(start.time());
        startsSeen++;
        if (live.size() < LIVE_LIMIT) {
            List<StackFrame> site = start.stack().subList(0, Math.min(SITE_FRAMES, start.stack().size()));
            live.put(start.threadId(), new LiveThread(start.time(), namePattern(start.threadName()), site));
        }
    }

    void record(ThreadEnd end) {
        warmUp.noteTime(end.time());
        live.remove(end.threadId());
    }

    KindSeries series() {
        String note = threads.isEmpty() ? "no jdk.JavaThreadStatistics events: record with them enabled (JFR's default"
                + " and profile settings have them)" : startsSeen == 0 ? "no jdk.ThreadStart events: the code that"
                + " starts the threads is unknown" : "";
        // A few extra threads are normal (a pool growing by a few under load); 16 more cost 16 MB of stack address
        // space and a scheduler's attention, and would take a leak of one thread a minute 16 minutes.
        return threads.series(LeakKind.THREADS, SERIES, note, warmUp.end(), 0, Thresholds.MATERIAL_THREADS);
    }

    /**
     * The group of live threads (same name pattern, same starting stack) with the most threads started since
     * {@code from}, the start of the growth; confirmed when they are at least {@link Thresholds#MIN_THREADS_NAMED}
     * and at least {@link Thresholds#MIN_SHARE_OF_THREAD_GROWTH} of {@code growth}, the growth of the live-thread
     * count since then.
     */
    KindNaming naming(Instant from, double growth) {
        Map<GroupKey, Group> groups = new HashMap<>();
        for (LiveThread thread : live.values()) {
            if (from != null && thread.started.isBefore(from)) {
                continue;
            }
            Group group = groups.computeIfAbsent(new GroupKey(thread.pattern, thread.site), key -> new Group());
            group.count++;
            if (group.first == null || thread.started.isBefore(group.first)) {
                group.first = thread.started;
            }
            group.last = group.last == null || thread.started.isAfter(group.last) ? thread.started : group.last;
        }
        // Threads of one pattern started before the stack was recorded form a group without a stack; they join the
        // group of the same pattern that has one.
        Map<String, List<Map.Entry<GroupKey, Group>>> byPattern = new HashMap<>();
        groups.entrySet().forEach(e -> byPattern.computeIfAbsent(e.getKey().pattern, p -> new ArrayList<>()).add(e));
        Map.Entry<GroupKey, Group> best = null;
        int bestCount = 0;
        for (List<Map.Entry<GroupKey, Group>> same : byPattern.values()) {
            int withoutStack = same.stream().filter(e -> e.getKey().site.isEmpty()).mapToInt(e -> e.getValue().count)
                    .sum();
            for (Map.Entry<GroupKey, Group> entry : same) {
                int count = entry.getValue().count + (entry.getKey().site.isEmpty() ? 0 : withoutStack);
                if (count > bestCount || count == bestCount && best != null && best.getKey().site.isEmpty()
                        && !entry.getKey().site.isEmpty()) {
                    best = entry;
                    bestCount = count;
                }
            }
        }
        if (best == null) {
            return null;
        }
        Group group = best.getValue();
        double share = growth > 0 ? bestCount / growth : 0;
        boolean confirmed = bestCount >= Thresholds.MIN_THREADS_NAMED
                && share >= Thresholds.MIN_SHARE_OF_THREAD_GROWTH;
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence(Evidence.Signal.OWNERS_ACCUMULATE, String.format(Locale.ROOT, "%d threads named %s"
                        + " started and never ended%s (%.0f%% of the growth)", bestCount, best.getKey().pattern,
                from == null ? "" : " since the growth began", 100 * Math.min(share, 9.99))));
        List<StackFrame> site = best.getKey().site;
        if (!site.isEmpty()) {
            StackFrame shown = site.stream().filter(f -> !f.isJdkFrame()).findFirst().orElse(site.get(0));
            evidence.add(new Evidence(Evidence.Signal.ALLOCATING_CODE, "started from " + shown));
        }
        double perMinute = group.first != null && group.last.isAfter(group.first)
                ? (bestCount - 1) * 60.0 / (Duration.between(group.first, group.last).toNanos() / 1e9) : Double.NaN;
        return new KindNaming("java.lang.Thread", confirmed, List.of(), site, null, perMinute, best.getKey().pattern,
                evidence);
    }

    /** A thread name with each run of digits starred: {@code pool-12-thread-3} is {@code pool-*-thread-*}. */
    static String namePattern(String name) {
        return NUMBERS.matcher(name).replaceAll("*");
    }

    private record LiveThread(Instant started, String pattern, List<StackFrame> site) {
    }

    private record GroupKey(String pattern, List<StackFrame> site) {
    }

    private static final class Group {
        int count;
        Instant first;
        Instant last;
    }
}
