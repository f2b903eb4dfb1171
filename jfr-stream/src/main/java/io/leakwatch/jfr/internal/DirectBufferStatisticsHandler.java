package io.leakwatch.jfr.internal;

import io.leakwatch.core.DirectBufferStatistics;
import jdk.jfr.consumer.RecordedEvent;

/**
 * {@code jdk.DirectBufferStatistics}: direct buffers ({@code count}, {@code memoryUsed}, {@code maxCapacity}: the
 * effective {@code -XX:MaxDirectMemorySize}, the heap's maximum by default). Same fields on JDK 17 and 25.
 */
final class DirectBufferStatisticsHandler implements EventHandler {
    static final String NAME = "jdk.DirectBufferStatistics";

    private final AnalyzerFeed feed;

    DirectBufferStatisticsHandler(AnalyzerFeed feed) {
        this.feed = feed;
    }

    @Override
    public String eventName() {
        return NAME;
    }

    /** Counters read in Java: every 2 s, so that the sample after a collection comes soon after it. */
    @Override
    public EventSettingsSpec settings() {
        return EventSettingsSpec.DEFAULTS.withPeriod("2 s");
    }

    @Override
    public void accept(RecordedEvent event) {
        if (!event.hasField("memoryUsed") || !event.hasField("count")) {
            return; // not the JDK's event of that name as JDK 17 and later write it
        }
        long max = event.hasField("maxCapacity") ? Math.max(0, event.getLong("maxCapacity")) : 0;
        feed.directBuffers(new DirectBufferStatistics(event.getStartTime(), event.getLong("count"),
                Math.max(0, event.getLong("memoryUsed")), max));
    }
}
