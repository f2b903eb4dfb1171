package io.leakwatch.jfr.internal;

import io.leakwatch.core.ThreadStatistics;
import jdk.jfr.consumer.RecordedEvent;

/** {@code jdk.JavaThreadStatistics}: live Java threads ({@code activeCount}) and all started ({@code accumulatedCount}). */
final class JavaThreadStatisticsHandler implements EventHandler {
    static final String NAME = "jdk.JavaThreadStatistics";

    private final AnalyzerFeed feed;

    JavaThreadStatisticsHandler(AnalyzerFeed feed) {
        this.feed = feed;
    }

    @Override
    public String eventName() {
        return NAME;
    }

    /** A counter read: every 2 s gives the sequential test its measurements quickly. */
    @Override
    public EventSettingsSpec settings() {
        return EventSettingsSpec.DEFAULTS.withPeriod("2 s");
    }

    @Override
    public void accept(RecordedEvent event) {
        feed.threads(new ThreadStatistics(event.getStartTime(), event.getLong("activeCount"),
                event.getLong("accumulatedCount")));
    }
}
