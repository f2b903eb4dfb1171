package io.leakwatch.core.liveset;

import java.util.Objects;

/**
 * The trend of the latest points of a series (all of them, or the later half, quarter, ...), with what a rise must
 * clear to count as growth. A leak that starts after a long flat stretch bends the trend of all points only
 * slowly, while the trend of its latest points shows it at once. But a buffer that fills and is flushed also rises
 * in its latest points, and so does the first fill of a cache after a flush: those only climb back to levels seen
 * before. Real growth leaves every earlier level behind: the latest level stands above the highest point up to the
 * first third of the window's span.
 *
 * @param trend            the trend of the window's points
 * @param priorMaxBytes    the highest point of the series from its start up to the first third of the window
 * @param latestLevelBytes the lowest of the window's last three points: all of them must have risen, and one drop
 *                         (a flush) shows at once
 */
public record TrendWindow(Trend trend, double priorMaxBytes, double latestLevelBytes) {

    public TrendWindow {
        Objects.requireNonNull(trend, "trend");
    }

    /** How far the latest level stands above the highest earlier point; negative when below it. */
    public double riseAbovePriorBytes() {
        return latestLevelBytes - priorMaxBytes;
    }
}
