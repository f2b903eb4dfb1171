package io.leakwatch.jfr.internal;

import jdk.jfr.consumer.RecordedEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hands the events of one flush of an unordered stream to their handlers in the order of their end times, when the
 * flush ends: what an ordered {@code EventStream} does (it sorts each flush by end time too), without the array of
 * 100,000 slots the JDK allocates for it and keeps for the stream's life, 0.4 MB with compressed references and 0.8
 * MB under ZGC, 7-9% of the monitor's retained heap (docs/BENCHMARKS.md, section 3). This one holds one flush's
 * events, hundreds to a couple of thousand at an evidence snapshot, and gives the room back after a larger one. The stream
 * must not reuse its events, which are kept until the flush ends. Stream thread only.
 */
final class FlushOrder {
    /** Room kept between flushes; a flush of more events than this gets its room back when it is dispatched. */
    private static final int KEPT_CAPACITY = 8_192;
    private static final Comparator<Pending> BY_END_TIME = Comparator.comparing(Pending::end);

    private List<Pending> pending = new ArrayList<>();

    /** An event read and the handler it is for. */
    private record Pending(Instant end, RecordedEvent event, Consumer<RecordedEvent> handler) {
    }

    /** A consumer to register on the stream in place of {@code handler}: it keeps the event for the flush's end. */
    Consumer<RecordedEvent> deferring(Consumer<RecordedEvent> handler) {
        return event -> pending.add(new Pending(event.getEndTime(), event, handler));
    }

    /**
     * Hands the flush's events to their handlers by end time, those that end at the same time in the order they
     * were read (the sort is stable). A handler that throws is reported to {@code onError}, and the next event goes
     * on, as the stream does for its own handlers.
     */
    void dispatch(Consumer<RuntimeException> onError) {
        List<Pending> flush = pending;
        pending = flush.size() > KEPT_CAPACITY ? new ArrayList<>() : flush;
        flush.sort(BY_END_TIME);
        try {
            for (Pending event : flush) {
                try {
                    event.handler().accept(event.event());
                } catch (RuntimeException e) {
                    onError.accept(e);
                }
            }
        } finally {
            flush.clear();
        }
    }
}
