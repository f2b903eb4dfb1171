package io.leakwatch.jfr.internal;

import io.leakwatch.core.HeapSummary;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;

/** {@code jdk.GCHeapSummary}: heap in use before and after each collection, for every collector. */
final class GcHeapSummaryHandler implements EventHandler {
    static final String NAME = "jdk.GCHeapSummary";

    private final AnalyzerFeed feed;

    GcHeapSummaryHandler(AnalyzerFeed feed) {
        this.feed = feed;
    }

    @Override
    public String eventName() {
        return NAME;
    }

    @Override
    public void accept(RecordedEvent event) {
        String when = event.getString("when");
        if (when == null) {
            return;
        }
        RecordedObject space = event.getValue("heapSpace");
        long committed = space == null ? 0 : Math.max(0, space.getLong("committedSize"));
        long reserved = space == null ? 0 : Math.max(0, space.getLong("reservedSize"));
        long max = feed.heapMaxBytes() > 0 ? feed.heapMaxBytes() : reserved;
        feed.heapSummary(new HeapSummary(event.getLong("gcId"),
                when.startsWith("Before") ? HeapSummary.When.BEFORE_GC : HeapSummary.When.AFTER_GC,
                event.getStartTime(), Math.max(0, event.getLong("heapUsed")), committed, max));
    }
}
