package io.leakwatch.junit;

/**
 * Runs one program of {@link IterationZoo} through {@code runs} leak tests with the default settings, a new instance
 * each time, and prints one line per run: {@code run=3 outcome=leak type=... site=yes} or
 * {@code run=3 outcome=pass}. {@link ZooLeakTest} starts it in a JVM of its own per program:
 * {@code ZooLeakRuns <program> <runs>}.
 */
public final class ZooLeakRuns {
    private ZooLeakRuns() {
    }

    public static void main(String[] args) throws Throwable {
        String name = args[0];
        int runs = Integer.parseInt(args[1]);
        for (int run = 1; run <= runs; run++) {
            IterationZoo.Scenario scenario = IterationZoo.create(name);
            String outcome;
            try {
                LeakAssertions.assertNoLeak(scenario::iteration);
                outcome = "outcome=pass";
            } catch (LeakAssertionError failure) {
                Leak leak = failure.leak();
                outcome = "outcome=leak type=" + leak.type().typeName() + " site=" + (leak.sample() == null ? "no"
                        : "yes");
            }
            System.out.println("run=" + run + " " + outcome);
        }
    }
}
