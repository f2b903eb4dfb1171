package io.leakwatch.jfr.internal;

import jdk.jfr.EventType;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedEvent;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Refuses events of types whose fields the JDK's parser misreads. It takes an event's first field as its start
 * time and, when the type has a {@code duration} field, its second as the duration
 * ({@code jdk.jfr.internal.consumer.EventParser}), as HotSpot and {@code jdk.jfr} always write them; a writer that
 * puts them elsewhere (JMC's {@code flightrecorder.writer} 9.1.2 puts {@code stackTrace} and {@code eventThread}
 * first, as in pid1.jfr of shared/corpus) gets events with nonsense times and a {@code ClassCastException} from
 * those two fields, which would make nonsense trends.
 */
final class MisreadEventTypes implements Predicate<RecordedEvent> {
    private final Set<String> misread = new TreeSet<>();
    private EventType lastType;
    private boolean lastReadable;
    private long refused;

    @Override
    public boolean test(RecordedEvent event) {
        EventType type = event.getEventType();
        if (type != lastType) {
            lastType = type;
            lastReadable = readable(type);
        }
        if (!lastReadable) {
            misread.add(type.getName());
            refused++;
        }
        return lastReadable;
    }

    private static boolean readable(EventType type) {
        List<ValueDescriptor> fields = type.getFields();
        boolean hasDuration = type.getField("duration") != null;
        return !fields.isEmpty() && fields.get(0).getName().equals("startTime")
                && (!hasDuration || fields.size() > 1 && fields.get(1).getName().equals("duration"));
    }

    /** Names of the event types refused, sorted. */
    Set<String> types() {
        return misread;
    }

    /** Events refused. */
    long refused() {
        return refused;
    }
}
