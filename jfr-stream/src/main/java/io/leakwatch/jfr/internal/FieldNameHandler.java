package io.leakwatch.jfr.internal;

import io.leakwatch.jfr.events.FieldNameEvent;
import jdk.jfr.consumer.RecordedEvent;

/**
 * {@link FieldNameEvent}: a field name the monitor resolved where the JVM misnamed it, learnt by the reader of a
 * recording that cannot load the application's classes itself ({@link MisnamedFields}).
 */
final class FieldNameHandler implements EventHandler {
    private final MisnamedFields misnamed;

    FieldNameHandler(MisnamedFields misnamed) {
        this.misnamed = misnamed;
    }

    @Override
    public String eventName() {
        return FieldNameEvent.NAME;
    }

    @Override
    public void accept(RecordedEvent event) {
        String holder = event.getString("holderType");
        String referent = event.getString("referentType");
        String field = event.getString("field");
        if (holder != null && referent != null && field != null && !field.isEmpty()) {
            misnamed.learn(holder, referent, event.getBoolean("isStatic"), field);
        }
    }
}
