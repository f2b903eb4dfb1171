/**
 * Leak tests for JUnit 5: run a piece of work many times, measure the live objects between iterations, and fail
 * with the type that grew, its allocation site and its reference chain.
 *
 * <ul>
 *   <li>{@link io.leakwatch.junit.LeakTest}: a test method whose body is one iteration; the rule it decides by.</li>
 *   <li>{@link io.leakwatch.junit.LeakAssertions}: {@code assertNoLeak(() -> ...)}, the same as an assertion.</li>
 *   <li>{@link io.leakwatch.junit.LeakAssertionError}: the failure, with its {@link io.leakwatch.junit.Leak}, the
 *       {@link io.leakwatch.junit.GrowingType}s and the {@link io.leakwatch.junit.Leak.Sample} that shows them.</li>
 * </ul>
 */
package io.leakwatch.junit;
