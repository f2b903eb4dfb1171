package io.leakwatch.jfr.internal;

import io.leakwatch.core.ThreadEnd;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;

/** {@code jdk.ThreadEnd}: a thread ended ({@code thread}). */
final class ThreadEndHandler implements EventHandler {
    static final String NAME = "jdk.ThreadEnd";

    private final AnalyzerFeed feed;

    ThreadEndHandler(AnalyzerFeed feed) {
        this.feed = feed;
    }

    @Override
    public String eventName() {
        return NAME;
    }

    @Override
    public void accept(RecordedEvent event) {
        RecordedThread thread = event.getValue("thread");
        if (thread != null && thread.getJavaThreadId() > 0) {
            feed.threadEnd(new ThreadEnd(event.getStartTime(), thread.getJavaThreadId()));
        }
    }
}
