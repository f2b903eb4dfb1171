package io.leakwatch.jfr.internal;

import io.leakwatch.core.HeapSummary;
import io.leakwatch.core.MetaspaceSummary;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;

/**
 * {@code jdk.MetaspaceSummary}: metaspace before and after each collection, for every collector (same fields on JDK
 * 17 and 25: {@code gcId}, {@code when}, {@code metaspace.used}/{@code committed}/{@code reserved}). Its maximum
 * comes from the {@code MaxMetaspaceSize} flag ({@link UnsignedLongFlagHandler}).
 */
final class MetaspaceSummaryHandler implements EventHandler {
    static final String NAME = "jdk.MetaspaceSummary";

    private final AnalyzerFeed feed;

    MetaspaceSummaryHandler(AnalyzerFeed feed) {
        this.feed = feed;
    }

    @Override
    public String eventName() {
        return NAME;
    }

    @Override
    public void accept(RecordedEvent event) {
        String when = event.getString("when");
        RecordedObject sizes = event.getValue("metaspace");
        if (when == null || sizes == null) {
            return;
        }
        feed.metaspace(new MetaspaceSummary(event.getLong("gcId"),
                when.startsWith("Before") ? HeapSummary.When.BEFORE_GC : HeapSummary.When.AFTER_GC,
                event.getStartTime(), Math.max(0, sizes.getLong("used")), Math.max(0, sizes.getLong("committed")),
                feed.metaspaceMaxBytes()));
    }
}
