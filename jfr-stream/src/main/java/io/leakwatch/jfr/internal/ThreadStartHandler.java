package io.leakwatch.jfr.internal;

import io.leakwatch.core.ThreadStart;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;

/**
 * {@code jdk.ThreadStart}: a thread started ({@code thread}, and the starter's stack when stack traces are on). The
 * monitor's own recording takes it without stacks, so that every live thread's name is known; {@link KindProbes}
 * adds the stacks while threads are suspected.
 */
final class ThreadStartHandler implements EventHandler {
    static final String NAME = "jdk.ThreadStart";

    private final AnalyzerFeed feed;

    ThreadStartHandler(AnalyzerFeed feed) {
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
        RecordedThread thread = event.getValue("thread");
        if (thread == null || thread.getJavaThreadId() <= 0) {
            return;
        }
        feed.threadStart(new ThreadStart(event.getStartTime(), thread.getJavaThreadId(), thread.getJavaName(),
                RecordedFrames.of(event.getStackTrace())));
    }
}
