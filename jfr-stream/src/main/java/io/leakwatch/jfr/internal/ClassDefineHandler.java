package io.leakwatch.jfr.internal;

import io.leakwatch.core.ClassDefinition;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedClassLoader;
import jdk.jfr.consumer.RecordedEvent;

/**
 * {@code jdk.ClassDefine}: a class defined by a loader ({@code definedClass}, {@code definingClassLoader}, the
 * defining stack). On in the monitor's own recording without a stack, so that every loader is known from its first
 * class: a loader first seen only once class metadata was suspected could not have outlived the unloading collections
 * before it, and under generational ZGC, with a major collection every 30 s or so, a leak of loaders waited minutes
 * for enough of them after the suspicion (plugin-reload: 1,044 surviving loaders, seen across 2 collections, at
 * 148 s). The stack, which costs 5-10% on a workload that defines classes all the time, comes only while class
 * metadata is suspected, from {@link KindProbes}' recording (JFR records a stack when any recording asks for one).
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
        return EventSettingsSpec.DEFAULTS.with("stackTrace", "false");
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
