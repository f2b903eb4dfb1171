package io.leakwatch.examples.zoo;

/**
 * A program of the zoo: a workload with a known truth. {@link #step()} runs a few milliseconds of it, as one request
 * of a service would; the zoo runner calls it in a loop.
 */
public interface Scenario extends AutoCloseable {
    /** One line: what the program does and whether it leaks. */
    String description();

    /** The class whose instances leak (its simple binary name, e.g. {@code StaticMapLeak$Customer}), or null. */
    String leakingClass();

    /** A few milliseconds of work. */
    void step() throws InterruptedException;

    /** Stops what the scenario started (a server's threads would keep the JVM alive); nothing by default. */
    @Override
    default void close() throws Exception {
    }
}
