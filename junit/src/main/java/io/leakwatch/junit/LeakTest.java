package io.leakwatch.junit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A leak test: the method's body is one iteration of the work under test, run many times; the test fails with a
 * {@link LeakAssertionError} when a type's live objects grow with every iteration.
 *
 * <pre>{@code
 * class SessionServiceLeakTest {
 *     private final SessionService service = new SessionService();
 *
 *     @LeakTest(iterations = 20)
 *     void closedSessionsAreReleased() {
 *         service.open("user").close();
 *     }
 * }
 * }</pre>
 *
 * <h2>How it decides</h2>
 * The body runs {@link #warmUp()} times unmeasured, so that caches fill and classes load; then the heap is inspected
 * (a full collection, then a count of the live objects of each type), and the body runs {@link #iterations()} more
 * times, with an inspection after each. A type grows with every iteration when
 * <ol>
 *   <li>its live instances (or, for one array that only grows, its bytes) reach a new high, above every earlier
 *       inspection, in all but one in ten of the iterations: a leak keeps what every iteration adds, while the
 *       counts of a healthy program stay at a level or drop back, and reach a new high only now and then (about 4
 *       times in 20 iterations if they vary at random); a cache that fills up stops rising once it is full;</li>
 *   <li>and its growth is steady: the later half of the iterations adds at least a quarter of what the earlier half
 *       added, so that a structure filling ever more slowly towards its bound does not count.</li>
 * </ol>
 * The counts are exact, so the decision needs no threshold on noise. The failure names the type (an application
 * type where one grew, else the one that grew by the most bytes), the types that grew with it, and, from the
 * JVM's old-object samples recorded during the test, where one of its objects was allocated, who holds it, and what
 * it accumulates in. Once no type can meet the first condition any more, the remaining iterations run without
 * inspections.
 *
 * <h2>Allocation sites</h2>
 * The JVM's old-object sampler picks objects whose allocation takes the slow path (a new thread-local allocation
 * buffer, or an object too large for one), so it names the site of large leaking objects in most runs and that of
 * small ones seldom. Running the tests' JVM with {@code -XX:-UseTLAB} (Surefire's {@code argLine}) makes every
 * allocation a candidate, at some cost in allocation speed.
 *
 * <h2>Choosing the iterations</h2>
 * An iteration should leave nothing behind when the code does not leak, once warmed up: one request, one session
 * opened and closed. Set {@link #warmUp()} past the iterations that fill your caches: a cache still filling during
 * the measured iterations grows like a leak. Each inspection takes some tens of milliseconds in a test heap.
 *
 * <h2>Execution</h2>
 * The test instance and its {@code @BeforeEach} state are shared by all iterations, as a service's state is shared
 * by its requests; {@code @BeforeEach} and {@code @AfterEach} run once. The iterations are invoked on the test's
 * thread, after the other extensions' interceptors ran for the test as a whole (so a {@code @Timeout} bounds them
 * all). Leak tests take JUnit's global lock in read-write mode: objects that concurrently running tests allocate would
 * be counted too.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(LeakTestExtension.class)
@ResourceLock(value = Resources.GLOBAL, mode = ResourceAccessMode.READ_WRITE)
public @interface LeakTest {
    /** Measured iterations when none are given. */
    int DEFAULT_ITERATIONS = 20;
    /** Warm-up iterations when none are given. */
    int DEFAULT_WARM_UP = 5;

    /** Measured iterations, each followed by a heap inspection; at least 5. */
    int iterations() default DEFAULT_ITERATIONS;

    /** Iterations run before the measured ones, unmeasured; at least 0. */
    int warmUp() default DEFAULT_WARM_UP;
}
