package io.leakwatch.core.internal;

import io.leakwatch.core.Trend;
import java.util.Objects;

/**
 * The trend of the latest points of a series (all of them, or the later half, quarter, ...) and where the series
 * stands now. A leak that starts after a long flat stretch bends the trend of all points only slowly, while the
 * trend of its latest points shows it at once.
 *
 * @param trend            the trend of the window's points
 * @param latestLevelBytes the median of the window's last three points: where the series stands, one noisy
 *                         measurement aside
 */
public record TrendWindow(Trend trend, double latestLevelBytes) {

    public TrendWindow {
        Objects.requireNonNull(trend, "trend");
    }
}
