package io.leakwatch.jfr.internal;

import io.leakwatch.core.GcEvent;
import jdk.jfr.consumer.RecordedEvent;

/** {@code jdk.GarbageCollection}: written by every collector at the end of each collection. */
final class GarbageCollectionHandler implements EventHandler {
    static final String NAME = "jdk.GarbageCollection";

    private final AnalyzerFeed feed;

    GarbageCollectionHandler(AnalyzerFeed feed) {
        this.feed = feed;
    }

    @Override
    public String eventName() {
        return NAME;
    }

    @Override
    public void accept(RecordedEvent event) {
        String name = event.getString("name");
        feed.collection(new GcEvent(event.getLong("gcId"), name == null ? "unknown" : name,
                CollectorKinds.kindOf(name), event.getString("cause"), event.getStartTime(),
                event.getDuration("sumOfPauses"), event.getDuration()));
    }
}
