package io.leakwatch.jfr.internal;

import io.leakwatch.core.ClassHistogram;
import io.leakwatch.jfr.events.ClassHistogramEntryEvent;
import jdk.jfr.consumer.RecordedEvent;

/** {@code leakwatch.ClassHistogramEntry}: one line of a heap inspection's histogram. */
final class ClassHistogramEntryHandler implements EventHandler {
    private final AnalyzerFeed feed;

    ClassHistogramEntryHandler(AnalyzerFeed feed) {
        this.feed = feed;
    }

    @Override
    public String eventName() {
        return ClassHistogramEntryEvent.NAME;
    }

    @Override
    public void accept(RecordedEvent event) {
        String type = event.getString("typeName");
        if (type == null) {
            return;
        }
        feed.histogramEntry(event.getLong("inspectionId"), new ClassHistogram.Entry(type,
                Math.max(0, event.getLong("instances")), Math.max(0, event.getLong("bytes"))));
    }
}
