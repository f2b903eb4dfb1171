package io.leakwatch.junit;

import org.junit.jupiter.api.BeforeEach;

import java.util.ArrayList;
import java.util.List;

/**
 * Test classes with {@code @LeakTest} methods, run by {@link LeakTestExtensionTest} through the JUnit launcher to see
 * how they end. Their names match none of Surefire's test patterns, so it does not run them itself.
 */
final class LeakTestFixtures {
    private LeakTestFixtures() {
    }

    static final class Leaking {
        static final List<Session> SESSIONS = new ArrayList<>();

        @LeakTest(warmUp = 2, iterations = 10)
        void opensSessionsNobodyCloses() {
            SESSIONS.add(new Session());
        }

        static final class Session {
            final long[] attributes = new long[16];
        }
    }

    static final class Healthy {
        static int beforeEachCalls;
        static int iterations;
        private final List<byte[]> scratch = new ArrayList<>();

        @BeforeEach
        void countBeforeEach() {
            beforeEachCalls++;
        }

        @LeakTest
        void reusesItsScratchSpace() {
            iterations++;
            scratch.clear();
            scratch.add(new byte[1000]);
        }
    }

    static final class TooFewIterations {
        @LeakTest(iterations = 2)
        void measuresTwice() {
            // never runs: the settings are refused first
        }
    }

    static final class Throwing {
        static int calls;

        @LeakTest
        void failsOnItsThirdCall() {
            if (++calls == 3) {
                throw new IllegalStateException("third call");
            }
        }
    }
}
