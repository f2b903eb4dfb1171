package io.leakwatch.jfr.internal;

import io.leakwatch.core.NativeMemoryUsage;
import jdk.jfr.consumer.RecordedEvent;

/**
 * {@code jdk.NativeMemoryUsage} (JDK 20 and later, written only with {@code -XX:NativeMemoryTracking=summary} or
 * {@code detail}): one event per Native Memory Tracking category ({@code type}, {@code reserved},
 * {@code committed}) per period.
 */
final class NativeMemoryUsageHandler implements EventHandler {
    static final String NAME = "jdk.NativeMemoryUsage";

    private final AnalyzerFeed feed;

    NativeMemoryUsageHandler(AnalyzerFeed feed) {
        this.feed = feed;
    }

    @Override
    public String eventName() {
        return NAME;
    }

    /** About 30 categories a period: every 5 s. */
    @Override
    public EventSettingsSpec settings() {
        return EventSettingsSpec.DEFAULTS.withPeriod("5 s");
    }

    @Override
    public void accept(RecordedEvent event) {
        String category = event.getString("type");
        if (category != null) {
            feed.nativeMemory(new NativeMemoryUsage(event.getStartTime(), category,
                    Math.max(0, event.getLong("committed"))));
        }
    }
}
