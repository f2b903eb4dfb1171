package io.leakwatch.jfr.internal;

import io.leakwatch.core.DirectAllocation;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedMethod;

/**
 * {@code jdk.MethodTrace} (JDK 25 and later): a traced method call with its caller's stack. Only calls of
 * {@code java.nio.ByteBuffer.allocateDirect} are read: {@link KindProbes} traces that method while direct memory is
 * suspected. Off in the monitor's own recording (it has no filter there).
 */
final class MethodTraceHandler implements EventHandler {
    static final String NAME = "jdk.MethodTrace";
    static final String ALLOCATE_DIRECT_FILTER = "java.nio.ByteBuffer::allocateDirect";

    private final AnalyzerFeed feed;

    MethodTraceHandler(AnalyzerFeed feed) {
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
        RecordedMethod method = event.getValue("method");
        if (method != null && method.getType() != null && "java.nio.ByteBuffer".equals(method.getType().getName())
                && "allocateDirect".equals(method.getName())) {
            feed.directAllocation(new DirectAllocation(event.getStartTime(),
                    RecordedFrames.of(event.getStackTrace())));
        }
    }
}
