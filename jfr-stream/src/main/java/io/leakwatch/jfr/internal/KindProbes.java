package io.leakwatch.jfr.internal;

import io.leakwatch.core.Analysis;
import io.leakwatch.core.KindReport;
import io.leakwatch.core.LeakKind;
import io.leakwatch.core.Verdict;
import io.leakwatch.jfr.internal.log.Log;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The events that name the code behind a kind outside the heap, recorded only while that kind is suspected or
 * leaks: each has a stack trace and can be frequent (a start-up defines thousands of classes, a busy service starts
 * threads per request), more than the monitor's budget allows all the time (docs/BENCHMARKS.md, "Cost of the kinds'
 * events"). Each kind gets a short recording of its own, {@code leakwatch-<kind>}, to disk, so its events go to the
 * repository the monitor's stream reads and into the evidence the monitor writes:
 * <ul>
 *   <li>class metadata: {@code jdk.ClassDefine} with stacks (the monitor's own recording has it without, and
 *       {@code jdk.ClassUnload}, which says which loaders are gone);</li>
 *   <li>threads: {@code jdk.ThreadStart} with stacks (the monitor's own recording has it without);</li>
 *   <li>direct memory: {@code jdk.MethodTrace} of {@code ByteBuffer.allocateDirect} with stacks, on JDK 25 and
 *       later (earlier JDKs have no such event; heap inspections name what grows with the buffers there).</li>
 * </ul>
 * A recording runs at least {@link #LEAST_RUN} once started, so that a suspicion that comes and goes does not start
 * and stop it every second. Worker thread only.
 */
final class KindProbes {
    static final Duration LEAST_RUN = Duration.ofMinutes(1);
    /** The chunks of a kind's recording are kept this long: the monitor's own recording keeps what it needs. */
    private static final Duration MAX_AGE = Duration.ofMinutes(2);
    private static final List<LeakKind> PROBED = List.of(LeakKind.CLASS_METADATA, LeakKind.THREADS,
            LeakKind.DIRECT_MEMORY);
    private static final Log LOG = Log.get();

    private final Map<LeakKind, Recording> running = new EnumMap<>(LeakKind.class);
    private final Map<LeakKind, Long> startedNanos = new EnumMap<>(LeakKind.class);
    private final boolean methodTraceAvailable = hasEventType(MethodTraceHandler.NAME);

    /** Starts the recordings of the kinds the analysis suspects, stops those it no longer does. */
    void update(Analysis analysis) {
        if (analysis == null) {
            return;
        }
        long now = System.nanoTime();
        for (LeakKind kind : PROBED) {
            boolean wanted = analysis.kinds().stream().filter(report -> report.kind() == kind)
                    .anyMatch(KindProbes::wanted);
            Recording recording = running.get(kind);
            if (wanted && recording == null) {
                start(kind);
            } else if (!wanted && recording != null && now - startedNanos.get(kind) >= LEAST_RUN.toNanos()) {
                stop(kind);
            }
        }
    }

    /** Stops every recording of this class; once the worker has stopped. */
    void close() {
        for (LeakKind kind : List.copyOf(running.keySet())) {
            stop(kind);
        }
    }

    /** Which recordings are running, for tests. */
    List<LeakKind> running() {
        return List.copyOf(running.keySet());
    }

    private static boolean wanted(KindReport report) {
        return report.growthSuspected() || report.verdict() == Verdict.LEAK;
    }

    private void start(LeakKind kind) {
        if (kind == LeakKind.DIRECT_MEMORY && !methodTraceAvailable) {
            return;
        }
        Recording recording = new Recording();
        recording.setName("leakwatch-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        recording.setToDisk(true);
        recording.setMaxAge(MAX_AGE);
        switch (kind) {
            case CLASS_METADATA -> {
                recording.enable(ClassDefineHandler.NAME).withStackTrace();
            }
            case THREADS -> recording.enable(ThreadStartHandler.NAME).withStackTrace();
            case DIRECT_MEMORY -> recording.enable(MethodTraceHandler.NAME)
                    .with("filter", MethodTraceHandler.ALLOCATE_DIRECT_FILTER).withStackTrace()
                    .withThreshold(Duration.ZERO);
            default -> throw new IllegalArgumentException("no events to record for " + kind);
        }
        long begin = System.nanoTime();
        try {
            recording.start();
        } catch (RuntimeException e) {
            recording.close();
            LOG.warn("cannot record the events that name the code behind " + kind.displayName() + ": " + e);
            return;
        }
        running.put(kind, recording);
        startedNanos.put(kind, System.nanoTime());
        LOG.debug(() -> "recording the events that name the code behind " + kind.displayName() + " (started in "
                + Duration.ofNanos(System.nanoTime() - begin).toMillis() + " ms)");
    }

    private void stop(LeakKind kind) {
        Recording recording = running.remove(kind);
        startedNanos.remove(kind);
        if (recording != null) {
            recording.close();
            LOG.debug(() -> "stopped recording the events that name the code behind " + kind.displayName());
        }
    }

    /**
     * What the monitor watches, for its first log line: native memory only where the JVM tracks it (JDK 20 or later,
     * started with {@code -XX:NativeMemoryTracking=summary} or {@code detail}).
     */
    static String watched() {
        boolean jdk20 = Runtime.version().feature() >= 20;
        boolean tracking = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(argument -> argument.startsWith("-XX:NativeMemoryTracking=")
                        && !argument.endsWith("=off"));
        return jdk20 && tracking ? "the heap, class metadata, threads, direct memory and native memory"
                : "the heap, class metadata, threads and direct memory (native memory needs "
                + (jdk20 ? "" : "JDK 20 or later and ") + "-XX:NativeMemoryTracking=summary)";
    }

    private static boolean hasEventType(String name) {
        try {
            return FlightRecorder.getFlightRecorder().getEventTypes().stream().map(EventType::getName)
                    .anyMatch(name::equals);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
