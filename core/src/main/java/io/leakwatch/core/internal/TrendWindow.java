package io.leakwatch.core.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The fit of the latest points of a series (all of them, or fewer) and where the series stands now. A leak that
 * starts after a long flat stretch bends the fit of all points only slowly, while the fit of its latest points shows
 * it at once; testing each such window is a change-point search over a grid of start points (Lorden 1971,
 * "Procedures for reacting to a change in distribution", Ann. Math. Statist. 42:1897: a one-sided test of
 * false-alarm probability α restarted at every point gives at least 1/α points between false alarms on average;
 * restarting at fewer points only lengthens that). The grid holds every window of the latest 3 to
 * {@value #EVERY_SIZE_UP_TO} points, where a leak that just began shows, and above that sizes √2 apart, so that the
 * cost stays near twice that of the whole series' fit.
 *
 * @param start            the index of the window's first point in the series
 * @param fit              the fit of the window's points
 * @param latestLevelBytes the median of the window's last three points: where the series stands, one noisy
 *                         measurement aside
 */
record TrendWindow(int start, SlopeFit fit, double latestLevelBytes) {
    /** Windows of the latest 3 to this many points are all tested. */
    static final int EVERY_SIZE_UP_TO = 8;

    /** The windows of a series, the whole series first, then ever fewer latest points; none below three points. */
    static <T> List<TrendWindow> of(List<T> series, Function<T, Instant> time, ToLongFunction<T> bytes) {
        List<TrendWindow> result = new ArrayList<>();
        int n = series.size();
        if (n < 3) {
            return result;
        }
        long[] last = series.subList(n - 3, n).stream().mapToLong(bytes).toArray();
        Arrays.sort(last);
        int size = n;
        while (size >= 3) {
            result.add(new TrendWindow(n - size, SlopeFit.of(series.subList(n - size, n), time, bytes), last[1]));
            size = size > EVERY_SIZE_UP_TO ? Math.max(EVERY_SIZE_UP_TO, (int) (size / Math.sqrt(2))) : size - 1;
        }
        return result;
    }

    /** The fit of the later half of this window's points, or null when it has fewer than {@code minPoints}. */
    <T> SlopeFit laterHalf(List<T> series, Function<T, Instant> time, ToLongFunction<T> bytes, int minPoints) {
        int from = start + (series.size() - start) / 2;
        return series.size() - from < minPoints ? null : SlopeFit.of(series.subList(from, series.size()), time, bytes);
    }
}
