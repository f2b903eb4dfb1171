package io.leakwatch.jfr.internal;

import jdk.jfr.consumer.RecordedEvent;

/** {@code jdk.GCHeapConfiguration}: the maximum heap size ({@code -Xmx}), written at the start of each chunk. */
final class GcHeapConfigurationHandler implements EventHandler {
    static final String NAME = "jdk.GCHeapConfiguration";

    private final AnalyzerFeed feed;

    GcHeapConfigurationHandler(AnalyzerFeed feed) {
        this.feed = feed;
    }

    @Override
    public String eventName() {
        return NAME;
    }

    /** Written once at the start of each chunk: the heap's maximum does not change while the JVM runs. */
    @Override
    public EventSettingsSpec settings() {
        return EventSettingsSpec.DEFAULTS.withPeriod("beginChunk");
    }

    @Override
    public void accept(RecordedEvent event) {
        feed.heapMax(event.getLong("maxSize"));
    }
}
