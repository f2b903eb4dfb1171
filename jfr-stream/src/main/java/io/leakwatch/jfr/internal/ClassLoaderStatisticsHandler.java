package io.leakwatch.jfr.internal;

import io.leakwatch.core.ClassLoaderStatistics;
import jdk.jfr.consumer.RecordedClassLoader;
import jdk.jfr.consumer.RecordedEvent;

/**
 * {@code jdk.ClassLoaderStatistics}: one event per live class loader per listing ({@code classLoader}, {@code
 * classCount}, {@code chunkSize}, {@code hiddenChunkSize}, ...). The JVM lists the loaders in a safepoint, so the
 * monitor's own recording lists them once per chunk; while class metadata is suspected, {@link KindProbes} lists
 * them every few seconds.
 */
final class ClassLoaderStatisticsHandler implements EventHandler {
    static final String NAME = "jdk.ClassLoaderStatistics";
    private static final String BOOTSTRAP = "bootstrap";

    private final AnalyzerFeed feed;

    ClassLoaderStatisticsHandler(AnalyzerFeed feed) {
        this.feed = feed;
    }

    @Override
    public String eventName() {
        return NAME;
    }

    @Override
    public EventSettingsSpec settings() {
        return EventSettingsSpec.DEFAULTS.withPeriod("everyChunk");
    }

    @Override
    public void accept(RecordedEvent event) {
        RecordedClassLoader loader = event.getValue("classLoader");
        String type = loader == null || loader.getType() == null ? BOOTSTRAP
                : JavaTypeName.of(loader.getType().getName());
        long id = loader == null ? 0 : loader.getId();
        // JDK 8 to 14 name the hidden classes' part "anonymous"; the analysis reads JDK 17 and later in full.
        long hidden = event.hasField("hiddenChunkSize") ? event.getLong("hiddenChunkSize")
                : event.hasField("anonymousChunkSize") ? event.getLong("anonymousChunkSize") : 0;
        feed.classLoader(new ClassLoaderStatistics(event.getStartTime(), id, type, event.getLong("classCount"),
                Math.max(0, event.getLong("chunkSize")) + Math.max(0, hidden)));
    }
}
