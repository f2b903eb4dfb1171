package io.leakwatch.junit;

import org.junit.jupiter.api.function.Executable;

/**
 * Leak tests as assertions: run a piece of work many times and fail when a type grows with every iteration.
 *
 * <pre>{@code
 * @Test
 * void closedSessionsAreReleased() throws Throwable {
 *     SessionService service = new SessionService();
 *     LeakAssertions.assertNoLeak(() -> service.open("user").close());
 * }
 * }</pre>
 *
 * <p>The work runs {@link LeakTest#DEFAULT_WARM_UP} times unmeasured (caches fill, classes load), then
 * {@link LeakTest#DEFAULT_ITERATIONS} times with a heap inspection after each; the rule is in {@link LeakTest}.
 * Everything runs on the calling thread; each inspection is a full collection (some tens of milliseconds in a test
 * heap). Run leak tests apart from other tests: objects that concurrent tests allocate are counted too.
 */
public final class LeakAssertions {
    private LeakAssertions() {
    }

    /**
     * Fails when a type grows with every iteration of {@code iteration}, with the defaults of {@link LeakTest}.
     *
     * @throws LeakAssertionError naming the type that grew, where it is allocated and who holds it
     * @throws Throwable          what the iteration threw, as it threw it
     */
    public static void assertNoLeak(Executable iteration) throws Throwable {
        assertNoLeak(LeakTest.DEFAULT_WARM_UP, LeakTest.DEFAULT_ITERATIONS, iteration);
    }

    /**
     * Fails when a type grows with every iteration of {@code iteration}.
     *
     * @param warmUpIterations iterations run first, unmeasured; at least 0
     * @param iterations       measured iterations, each followed by a heap inspection; at least 5
     * @throws LeakAssertionError       naming the type that grew, where it is allocated and who holds it
     * @throws IllegalArgumentException when a count is out of range
     * @throws Throwable                what the iteration threw, as it threw it
     */
    public static void assertNoLeak(int warmUpIterations, int iterations, Executable iteration) throws Throwable {
        Leak leak = new LeakTestRun(warmUpIterations, iterations).run(iteration).orElse(null);
        if (leak != null) {
            throw new LeakAssertionError(leak);
        }
    }
}
