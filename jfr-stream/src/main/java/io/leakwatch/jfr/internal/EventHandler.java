package io.leakwatch.jfr.internal;

import jdk.jfr.consumer.RecordedEvent;

/**
 * Maps one JFR event type to the core model, and says how the monitor's recording enables it (as OpenTelemetry's JFR
 * handlers declare their polling period and threshold). Handlers copy what they need out of the event at once: a
 * {@code RecordingStream} reuses event objects (DESIGN.md fact 8).
 */
interface EventHandler {
    /** The JFR event type this handler reads, for example {@code jdk.GarbageCollection}. */
    String eventName();

    /**
     * The settings the monitor's recording enables the event with; JFR's defaults unless the handler needs others.
     * The file reader ignores them.
     */
    default EventSettingsSpec settings() {
        return EventSettingsSpec.DEFAULTS;
    }

    void accept(RecordedEvent event);
}
