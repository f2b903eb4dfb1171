package io.leakwatch.jfr.internal;

import io.leakwatch.core.ClassUnload;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedClassLoader;
import jdk.jfr.consumer.RecordedEvent;

/**
 * {@code jdk.ClassUnload}: a class unloaded with its loader ({@code unloadedClass}, {@code definingClassLoader}; no
 * stack). On in the monitor's own recording: it comes only when a collection unloads classes, and it is what tells a
 * loader that was unloaded from one that outlived the collection.
 */
final class ClassUnloadHandler implements EventHandler {
    static final String NAME = "jdk.ClassUnload";

    private final AnalyzerFeed feed;

    ClassUnloadHandler(AnalyzerFeed feed) {
        this.feed = feed;
    }

    @Override
    public String eventName() {
        return NAME;
    }

    @Override
    public void accept(RecordedEvent event) {
        RecordedClass unloaded = event.getValue("unloadedClass");
        RecordedClassLoader loader = event.getValue("definingClassLoader");
        if (unloaded != null && loader != null) {
            feed.classUnload(new ClassUnload(event.getStartTime(), JavaTypeName.of(unloaded.getName()),
                    loader.getId()));
        }
    }
}
