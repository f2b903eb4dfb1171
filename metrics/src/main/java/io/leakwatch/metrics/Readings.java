package io.leakwatch.metrics;

import io.leakwatch.core.Analysis;
import io.leakwatch.core.GcKind;
import io.leakwatch.core.GcWindowStatistics;
import io.leakwatch.core.KindStatistics;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.LiveSetPoint;
import io.leakwatch.core.Trend;
import io.leakwatch.core.Verdict;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The values both ecosystems' instruments report, read from one {@link Analysis}: pure functions, NaN where the
 * analysis has no value (Micrometer reports NaN; the OpenTelemetry instruments leave the point out). They allocate
 * nothing: a scrape reads the monitor's latest analysis and walks a few short lists.
 */
final class Readings {
    /** The window whose counts grow with the run: a counter's value. */
    private static final String WHOLE_RUN = "run";

    private Readings() {
    }

    /** 1 when the analysis' verdict is {@code verdict}, else 0. */
    static long is(Analysis analysis, Verdict verdict) {
        return analysis.verdict() == verdict ? 1 : 0;
    }

    /** The latest live-set measurement in bytes, or NaN before the first. */
    static double liveSetBytes(Analysis analysis) {
        List<LiveSetPoint> points = analysis.liveSet().points();
        return points.isEmpty() ? Double.NaN : points.get(points.size() - 1).bytes();
    }

    /** The live-set trend's slope in bytes per second (Theil–Sen), or NaN without a trend. */
    static double growthBytesPerSecond(Analysis analysis) {
        Trend trend = analysis.liveSet().trend();
        return trend == null ? Double.NaN : trend.slopeBytesPerSecond();
    }

    /**
     * Seconds until the heap would be exhausted at the rate it grows now ({@link Analysis#projectedExhaustion()}),
     * or NaN when it does not grow with evidence, its maximum is unknown, or the verdict is {@code NO_LEAK}.
     */
    static double secondsToExhaustion(Analysis analysis) {
        Duration exhaustion = analysis.projectedExhaustion();
        return exhaustion == null ? Double.NaN : exhaustion.toNanos() / 1e9;
    }

    /** Candidates of that status. */
    static long candidates(Analysis analysis, LeakCandidate.Status status) {
        long count = 0;
        for (LeakCandidate candidate : analysis.candidates()) {
            if (candidate.status() == status) {
                count++;
            }
        }
        return count;
    }

    /** Collections of that kind since the monitor started: a monotonic count. */
    static long collections(Analysis analysis, GcKind kind) {
        for (GcWindowStatistics window : analysis.gc()) {
            if (window.name().equals(WHOLE_RUN)) {
                for (KindStatistics statistics : window.kinds()) {
                    if (statistics.kind() == kind) {
                        return statistics.count();
                    }
                }
            }
        }
        return 0;
    }

    /** A tag or attribute value: the enum constant in lower case ({@code no_leak}, {@code concurrent_cycle}). */
    static String value(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
