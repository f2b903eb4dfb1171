package io.leakwatch.jfr.internal;

import io.leakwatch.core.ClassLoadingStatistics;
import jdk.jfr.consumer.RecordedEvent;

/** {@code jdk.ClassLoadingStatistics}: classes loaded and unloaded so far ({@code loadedClassCount}, {@code unloadedClassCount}). */
final class ClassLoadingStatisticsHandler implements EventHandler {
    static final String NAME = "jdk.ClassLoadingStatistics";

    private final AnalyzerFeed feed;

    ClassLoadingStatisticsHandler(AnalyzerFeed feed) {
        this.feed = feed;
    }

    @Override
    public String eventName() {
        return NAME;
    }

    /** Two counters: read every 5 s, they only put numbers on what metaspace shows. */
    @Override
    public EventSettingsSpec settings() {
        return EventSettingsSpec.DEFAULTS.withPeriod("5 s");
    }

    @Override
    public void accept(RecordedEvent event) {
        feed.classLoading(new ClassLoadingStatistics(event.getStartTime(), event.getLong("loadedClassCount"),
                event.getLong("unloadedClassCount")));
    }
}
