package io.leakwatch.jfr.internal;

import io.leakwatch.core.ClassDefinition;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedClassLoader;
import jdk.jfr.consumer.RecordedEvent;

/**
 * {@code jdk.ClassDefine}: a class defined by a loader ({@code definedClass}, {@code definingClassLoader}, the
 * defining stack). Off in the monitor's own recording, since a start-up defines thousands of classes and each event
 * carries a stack; {@link KindProbes} records it while class metadata is suspected.
 */
final class ClassDefineHandler implements EventHandler {
    static final String NAME = "jdk.ClassDefine";

    private final AnalyzerFeed feed;

    ClassDefineHandler(AnalyzerFeed feed) {
        this.feed = feed;
    }

    @Override
    public String eventName() {
        return NAME;
    }

    @Override
    public EventSettingsSpec settings() {
        return EventSettingsSpec.OFF;
    }

    @Override
    public void accept(RecordedEvent event) {
        RecordedClass defined = event.getValue("definedClass");
        RecordedClassLoader loader = event.getValue("definingClassLoader");
        if (defined == null || loader == null || loader.getType() == null) {
            return; // the boot loader's classes are the JDK's own
        }
        feed.classDefinition(new ClassDefinition(event.getStartTime(), JavaTypeName.of(defined.getName()),
                loader.getId(), JavaTypeName.of(loader.getType().getName()), RecordedFrames.of(event.getStackTrace())));
    }
}
