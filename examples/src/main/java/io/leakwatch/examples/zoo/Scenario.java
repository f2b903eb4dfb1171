package io.leakwatch.examples.zoo;

import io.leakwatch.core.LeakKind;

import java.util.List;

/**
 * A program of the zoo: a workload with a known truth. {@link #step()} runs a few milliseconds of it, as one request
 * of a service would; the zoo runner calls it in a loop.
 */
public interface Scenario extends AutoCloseable {
    /** One line: what the program does and whether it leaks. */
    String description();

    /**
     * What names the leak (its simple binary name, e.g. {@code StaticMapLeak$Customer}), or null: for the heap, the
     * class whose instances leak; for the other kinds, the class whose code or loaders the candidate names (the
     * loader type, the class that starts the threads or allocates the buffers), or the Native Memory Tracking
     * category.
     */
    String leakingClass();

    /** What leaks, or would leak if the program were wrong: the heap unless the scenario says otherwise. */
    default LeakKind kind() {
        return LeakKind.HEAP;
    }

    /** JVM options the scenario needs (Native Memory Tracking for native memory), none by default. */
    default List<String> jvmOptions() {
        return List.of();
    }

    /** A few milliseconds of work. */
    void step() throws InterruptedException;

    /** Stops what the scenario started (a server's threads would keep the JVM alive); nothing by default. */
    @Override
    default void close() throws Exception {
    }
}
