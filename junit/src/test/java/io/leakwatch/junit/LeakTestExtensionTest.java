package io.leakwatch.junit;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** {@code @LeakTest} as JUnit runs it: fixture classes executed through the launcher, and how each ended. */
@Isolated // its leak tests run in this JVM: concurrent tests would be counted in their inspections
class LeakTestExtensionTest {

    @Test
    void aLeakingMethodFailsNamingTheTypeThatGrew() {
        TestExecutionSummary summary = execute(LeakTestFixtures.Leaking.class);

        assertThat(summary.getTestsFailedCount()).isOne();
        Throwable failure = summary.getFailures().get(0).getException();
        assertThat(failure).isInstanceOf(LeakAssertionError.class);
        Leak leak = ((LeakAssertionError) failure).leak();
        assertThat(leak.type().typeName()).isEqualTo(LeakTestFixtures.Leaking.Session.class.getName());
        assertThat(leak.type().instancesPerIteration()).isEqualTo(1.0);
        assertThat(leak.warmUpIterations()).isEqualTo(2);
        assertThat(leak.type().iterations()).isEqualTo(10);
        assertThat(failure.getMessage()).startsWith("Leak: " + LeakTestFixtures.Leaking.Session.class.getName()
                + " grew with every iteration: a new high in 10 of 10 iterations, +1.0 instances (+16 B) per"
                + " iteration");
    }

    @Test
    void aHealthyMethodPassesAfterAllItsIterationsWithItsBeforeEachRunOnce() {
        LeakTestFixtures.Healthy.beforeEachCalls = 0;
        LeakTestFixtures.Healthy.iterations = 0;

        TestExecutionSummary summary = execute(LeakTestFixtures.Healthy.class);

        assertThat(summary.getTestsSucceededCount()).isOne();
        assertThat(LeakTestFixtures.Healthy.iterations).isEqualTo(LeakTest.DEFAULT_WARM_UP
                + LeakTest.DEFAULT_ITERATIONS);
        assertThat(LeakTestFixtures.Healthy.beforeEachCalls).isOne();
    }

    @Test
    void settingsOutOfRangeFailTheTestNamingTheSetting() {
        TestExecutionSummary summary = execute(LeakTestFixtures.TooFewIterations.class);

        assertThat(summary.getTestsFailedCount()).isOne();
        assertThat(summary.getFailures().get(0).getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("iterations must be at least 5 (fewer cannot tell a leak from a structure that fills up),"
                        + " was 2");
    }

    @Test
    void whatAnIterationThrowsFailsTheTestAsItWasThrown() {
        LeakTestFixtures.Throwing.calls = 0;

        TestExecutionSummary summary = execute(LeakTestFixtures.Throwing.class);

        assertThat(summary.getTestsFailedCount()).isOne();
        assertThat(summary.getFailures().get(0).getException()).isInstanceOf(IllegalStateException.class)
                .hasMessage("third call");
        assertThat(LeakTestFixtures.Throwing.calls).isEqualTo(3);
    }

    private static TestExecutionSummary execute(Class<?> testClass) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
                listener);
        return listener.getSummary();
    }
}
