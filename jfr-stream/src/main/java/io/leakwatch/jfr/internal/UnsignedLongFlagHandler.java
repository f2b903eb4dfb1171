package io.leakwatch.jfr.internal;

import jdk.jfr.consumer.RecordedEvent;

/**
 * {@code jdk.UnsignedLongFlag}: the JVM's unsigned flags, written at the start of each chunk; {@code
 * MaxMetaspaceSize} is the one read (its default, unlimited, is the largest unsigned value: -1 as a Java long).
 */
final class UnsignedLongFlagHandler implements EventHandler {
    static final String NAME = "jdk.UnsignedLongFlag";
    static final String MAX_METASPACE_SIZE = "MaxMetaspaceSize";

    private final AnalyzerFeed feed;

    UnsignedLongFlagHandler(AnalyzerFeed feed) {
        this.feed = feed;
    }

    @Override
    public String eventName() {
        return NAME;
    }

    /** The flags do not change while the JVM runs: once per chunk is plenty. */
    @Override
    public EventSettingsSpec settings() {
        return EventSettingsSpec.DEFAULTS.withPeriod("beginChunk");
    }

    @Override
    public void accept(RecordedEvent event) {
        if (MAX_METASPACE_SIZE.equals(event.getString("name"))) {
            long value = event.getLong("value");
            // Unlimited is 2^64 - 1; anything past 2^62 bytes is no limit a leak would meet.
            feed.metaspaceMax(value <= 0 || value > (1L << 62) ? 0 : value);
        }
    }
}
