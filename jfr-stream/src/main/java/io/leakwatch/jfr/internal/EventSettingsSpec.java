package io.leakwatch.jfr.internal;

import jdk.jfr.EventSettings;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The settings a handler's event is enabled with in the monitor's recording, as
 * {@code recording.enable(name).with(setting, value)} takes them: period, threshold, stack trace, and settings of
 * one event type (the old-object sampler's {@code cutoff}). The file reader ignores them: a file holds what its
 * recording chose.
 *
 * @param values setting name to value, in the order they are applied
 */
record EventSettingsSpec(Map<String, String> values) {
    /** JFR's defaults for the event type. */
    static final EventSettingsSpec DEFAULTS = new EventSettingsSpec(Map.of());
    /**
     * Not enabled by the monitor's own recording: the handler reads what another recording enables (the short
     * recordings of {@link KindProbes}), or what a file holds.
     */
    static final EventSettingsSpec OFF = new EventSettingsSpec(Map.of("enabled", "false"));

    EventSettingsSpec {
        values.forEach((name, value) -> {
            Objects.requireNonNull(name, "setting name");
            Objects.requireNonNull(value, () -> "value of setting " + name);
        });
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** How often a periodic event is written: {@code "1 s"}, {@code "beginChunk"}, {@code "everyChunk"}. */
    EventSettingsSpec withPeriod(String period) {
        return with("period", period);
    }

    /** Events shorter than this are not written. */
    EventSettingsSpec withThreshold(Duration threshold) {
        return with("threshold", threshold.toNanos() + " ns");
    }

    EventSettingsSpec withStackTrace() {
        return with("stackTrace", "true");
    }

    EventSettingsSpec with(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(values);
        next.put(name, value);
        return new EventSettingsSpec(next);
    }

    /** Whether the monitor's recording leaves the event off. */
    boolean off() {
        return "false".equals(values.get("enabled"));
    }

    void applyTo(EventSettings settings) {
        values.forEach(settings::with);
    }
}
