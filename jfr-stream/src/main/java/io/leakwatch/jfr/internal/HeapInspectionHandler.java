package io.leakwatch.jfr.internal;

import io.leakwatch.jfr.events.HeapInspectionEvent;
import jdk.jfr.consumer.RecordedEvent;

/** {@code leakwatch.HeapInspection}: a heap inspection Leakwatch took; its lines come as separate events. */
final class HeapInspectionHandler implements EventHandler {
    private final AnalyzerFeed feed;

    HeapInspectionHandler(AnalyzerFeed feed) {
        this.feed = feed;
    }

    @Override
    public String eventName() {
        return HeapInspectionEvent.NAME;
    }

    @Override
    public void accept(RecordedEvent event) {
        feed.inspection(event.getLong("inspectionId"), event.getEndTime(), event.getBoolean("afterFullGc"),
                event.getInt("typesWritten"));
    }
}
