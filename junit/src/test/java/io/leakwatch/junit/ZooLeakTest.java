package io.leakwatch.junit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every program of the zoo, {@value #RUNS} times each with the default settings, each run with a new instance: every
 * leak fails its leak test naming its leaking class, every healthy program passes, in every run. How often the
 * JVM's sampler gave an allocation site varies from run to run, so it is printed, not asserted.
 */
class ZooLeakTest {
    static final int RUNS = 20;
    /** Per scenario: whether it leaks, the runs that ended as its truth says, and those that gave an allocation site. */
    private static final Map<String, Outcome> OUTCOMES = new LinkedHashMap<>();

    private static final class Outcome {
        boolean leaks;
        int asTruth;
        int withSite;
    }

    @TestFactory
    List<DynamicTest> everyLeakFailsAndEveryHealthyProgramPassesInEveryRun() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : IterationZoo.names()) {
            for (int run = 1; run <= RUNS; run++) {
                tests.add(DynamicTest.dynamicTest(name + ", run " + run + " of " + RUNS, () -> check(name)));
            }
        }
        return tests;
    }

    private static void check(String name) throws Throwable {
        IterationZoo.Scenario scenario = IterationZoo.create(name);
        Outcome outcome = OUTCOMES.computeIfAbsent(name, key -> new Outcome());
        outcome.leaks = scenario.leakingClass() != null;
        if (!outcome.leaks) {
            LeakAssertions.assertNoLeak(scenario::iteration);
            outcome.asTruth++;
            return;
        }
        LeakAssertionError failure = catchThrowableOfType(LeakAssertionError.class,
                () -> LeakAssertions.assertNoLeak(scenario::iteration));
        assertThat(failure).as(name + " must fail its leak test").isNotNull();
        assertThat(failure.leak().type().typeName()).as(failure.getMessage()).isEqualTo(scenario.leakingClass());
        outcome.asTruth++;
        if (failure.leak().sample() != null) {
            outcome.withSite++;
        }
    }

    @AfterAll
    static void printOutcomes() {
        StringBuilder table = new StringBuilder("Leak tests of the zoo (" + RUNS + " runs each, Java "
                + Runtime.version().feature() + "):\n");
        OUTCOMES.forEach((name, outcome) -> table.append(String.format(Locale.ROOT, "  %-22s %s in %2d of %d runs%s%n",
                name, outcome.leaks ? "failed" : "passed", outcome.asTruth, RUNS, outcome.leaks
                        ? String.format(Locale.ROOT, ", with an allocation site in %d", outcome.withSite) : "")));
        System.out.print(table);
    }
}
