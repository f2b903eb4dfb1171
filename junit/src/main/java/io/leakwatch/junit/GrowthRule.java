package io.leakwatch.junit;

/**
 * The decision of a leak test: whether a series of live counts of one type grew with (nearly) every iteration.
 *
 * <p>{@code x[0]} is the count in the heap inspection after the last warm-up iteration, {@code x[i]} the count after
 * measured iteration {@code i} of {@code n}. The series grows with every iteration when both hold:
 * <ol>
 *   <li><b>A new high in nearly every iteration</b>: {@code x[i] > max(x[0..i-1])} in all but {@code n / 10} of the
 *       {@code n} iterations (integer division: none in fewer than 10, one in 10 to 19, two in 20 to 29). A leak
 *       keeps what each iteration adds, so every inspection counts more than any before it; the allowance is for
 *       an iteration that happens to add nothing. Other types seldom reach a new high: counts that vary about a
 *       level (a full cache replacing entries, a queue's backlog) reach about ln n + 0.58 of them as independent
 *       draws (3.6 in 20, the harmonic number), counts that wander as a random walk about 2&radic;(n/&pi;) (5.0 in 20;
 *       Majumdar and Ziff, Phys. Rev. Lett. 101, 050601, 2008), and a cache that fills up or a batch that is let go
 *       stops reaching them when it is full or dropped.</li>
 *   <li><b>By a steady amount</b>: the growth over the later half of the iterations is at least a quarter of the
 *       growth over the earlier half, so that a structure filling ever more slowly towards its bound (a cache of a
 *       finite key space) is not called a leak.</li>
 * </ol>
 * The counts come from heap inspections, which count live objects exactly after a full collection, so a leak's
 * growth is exact and needs no estimate of noise.
 */
final class GrowthRule {
    /** Fewer measured iterations cannot tell a leak from a structure filling up. */
    static final int MIN_ITERATIONS = 5;
    /** The later half must grow at least this share of the earlier half's growth. */
    private static final int STEADY_DIVISOR = 4;

    private GrowthRule() {
    }

    /** How many of {@code iterations} may bring no new high in a series that grows with every iteration. */
    static int allowedMisses(int iterations) {
        return iterations / 10;
    }

    /**
     * Whether the series grows with every iteration, by both conditions of the class comment.
     *
     * @param counts the counts after warm-up, {@code counts[0]} the baseline; at least {@link #MIN_ITERATIONS} + 1
     */
    static boolean growsWithEveryIteration(long[] counts) {
        int iterations = counts.length - 1;
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("a leak test needs at least " + MIN_ITERATIONS
                    + " measured iterations, had " + iterations);
        }
        return newHighs(counts, counts.length) >= iterations - allowedMisses(iterations) && steady(counts);
    }

    /**
     * In how many of the iterations {@code 1 .. length-1} the count exceeded every earlier one, {@code counts[0]}
     * included.
     */
    static int newHighs(long[] counts, int length) {
        int highs = 0;
        long highest = counts[0];
        for (int i = 1; i < length; i++) {
            if (counts[i] > highest) {
                highs++;
                highest = counts[i];
            }
        }
        return highs;
    }

    /**
     * Whether a series of which only the first {@code length} counts are known can still grow with every iteration
     * of {@code iterations}: it has not yet missed more new highs than allowed.
     */
    static boolean canStillGrow(long[] counts, int length, int iterations) {
        int missed = (length - 1) - newHighs(counts, length);
        return missed <= allowedMisses(iterations);
    }

    private static boolean steady(long[] counts) {
        int middle = (counts.length - 1) / 2;
        long earlier = counts[middle] - counts[0];
        long later = counts[counts.length - 1] - counts[middle];
        return later > 0 && later * STEADY_DIVISOR >= earlier;
    }
}
