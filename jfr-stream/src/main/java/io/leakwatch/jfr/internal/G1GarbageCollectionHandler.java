package io.leakwatch.jfr.internal;

import jdk.jfr.consumer.RecordedEvent;

/**
 * {@code jdk.G1GarbageCollection}: says whether a G1 young collection was a Mixed one, which also evacuated old
 * regions.
 */
final class G1GarbageCollectionHandler implements EventHandler {
    static final String NAME = "jdk.G1GarbageCollection";

    private final AnalyzerFeed feed;

    G1GarbageCollectionHandler(AnalyzerFeed feed) {
        this.feed = feed;
    }

    @Override
    public String eventName() {
        return NAME;
    }

    @Override
    public void accept(RecordedEvent event) {
        feed.g1CollectionType(event.getLong("gcId"), event.getString("type"));
    }
}
