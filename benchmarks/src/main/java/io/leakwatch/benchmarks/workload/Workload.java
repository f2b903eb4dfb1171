package io.leakwatch.benchmarks.workload;

/** One workload of the overhead benchmark: a unit of work, called in a loop on one thread. */
interface Workload extends AutoCloseable {
    /** One operation; returns something derived from its work, so that the JIT cannot remove it. */
    long operate(long i) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
