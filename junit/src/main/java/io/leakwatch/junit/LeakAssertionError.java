package io.leakwatch.junit;

import org.opentest4j.AssertionFailedError;

/**
 * Thrown by a leak test when a type grew with every iteration. The message names the type, its growth, where a
 * sampled object of it was allocated and who holds it; {@link #leak()} gives the same as data.
 */
public final class LeakAssertionError extends AssertionFailedError {
    private static final long serialVersionUID = 1L;

    /** Not serialized: the finding is in the message, which is what reaches a build report. */
    private final transient Leak leak;

    LeakAssertionError(Leak leak) {
        super(LeakMessage.render(leak));
        this.leak = leak;
    }

    /** What grew, and where it comes from; null after deserialization. */
    public Leak leak() {
        return leak;
    }
}
