package io.leakwatch.jfr.internal;

import jdk.jfr.consumer.RecordedEvent;

/**
 * Maps one JFR event type to the core model. Handlers copy what they need out of the event at once: a
 * {@code RecordingStream} reuses event objects (DESIGN.md fact 8).
 */
interface EventHandler {
    /** The JFR event type this handler reads, for example {@code jdk.GarbageCollection}. */
    String eventName();

    void accept(RecordedEvent event);
}
