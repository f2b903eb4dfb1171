package io.leakwatch.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A Java thread ended ({@code jdk.ThreadEnd}).
 *
 * @param time     when it ended
 * @param threadId the thread's Java id
 */
public record ThreadEnd(Instant time, long threadId) {
    public ThreadEnd {
        Objects.requireNonNull(time, "time");
    }
}
