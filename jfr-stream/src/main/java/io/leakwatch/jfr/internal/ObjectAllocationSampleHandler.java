package io.leakwatch.jfr.internal;

import io.leakwatch.core.AllocationSample;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;

/**
 * {@code jdk.ObjectAllocationSample} (JDK 16 and later): where objects are allocated, throttled to a rate, each sample
 * weighted by the bytes allocated since the previous one. The monitor enables it only where old-object samples are
 * off ({@link EvidencePlan}), to say where a type that heap inspections show growing is allocated.
 */
final class ObjectAllocationSampleHandler implements EventHandler {
    static final String NAME = "jdk.ObjectAllocationSample";
    /**
     * JFR's default configuration samples 150 allocations a second: at about 100 bytes each in the buffers, well
     * under a megabyte a minute of recording, and a type growing at a few percent of allocation still gets dozens
     * of samples a minute.
     */
    static final String THROTTLE = "150/s";

    private final AnalyzerFeed feed;

    ObjectAllocationSampleHandler(AnalyzerFeed feed) {
        this.feed = feed;
    }

    @Override
    public String eventName() {
        return NAME;
    }

    @Override
    public EventSettingsSpec settings() {
        return EventSettingsSpec.DEFAULTS.with("throttle", THROTTLE).withStackTrace();
    }

    @Override
    public void accept(RecordedEvent event) {
        RecordedClass type = event.getClass("objectClass");
        if (type == null) {
            return;
        }
        feed.allocation(new AllocationSample(event.getEndTime(), JavaTypeName.of(type.getName()),
                Math.max(0, event.getLong("weight")), RecordedFrames.of(event.getStackTrace())));
    }
}
