package io.leakwatch.junit;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrowthRuleTest {

    @Test
    void aCountThatRisesWithEveryIterationGrows() {
        assertThat(GrowthRule.growsWithEveryIteration(series(100, 5, 20))).isTrue();
        assertThat(GrowthRule.growsWithEveryIteration(series(100, 1, 5))).isTrue();
    }

    @Test
    void oneIterationInTenMayBringNoNewHigh() {
        long[] twoFlat = series(100, 5, 20);
        flattenAt(twoFlat, 7);
        flattenAt(twoFlat, 15);
        assertThat(GrowthRule.growsWithEveryIteration(twoFlat)).isTrue();

        flattenAt(twoFlat, 3);
        assertThat(GrowthRule.growsWithEveryIteration(twoFlat)).as("three of twenty without a new high").isFalse();
        long[] oneFlatOfNine = series(100, 5, 9);
        flattenAt(oneFlatOfNine, 4);
        assertThat(GrowthRule.growsWithEveryIteration(oneFlatOfNine)).as("below ten iterations, none may").isFalse();
    }

    @Test
    void aCacheThatFillsAndThenOnlyReplacesDoesNotGrow() {
        long[] counts = LongStream.rangeClosed(0, 20).map(i -> 1000 + 400 * Math.min(i, 12)).toArray();

        assertThat(GrowthRule.growsWithEveryIteration(counts)).isFalse();
    }

    @Test
    void aBatchThatIsBuiltAndDroppedDoesNotGrow() {
        long[] counts = LongStream.rangeClosed(0, 20).map(i -> 1000 + 150 * (i % 4)).toArray();

        assertThat(GrowthRule.growsWithEveryIteration(counts)).isFalse();
    }

    @Test
    void aStructureFillingEverMoreSlowlyTowardsItsBoundIsNotSteady() {
        long[] counts = LongStream.rangeClosed(0, 20).map(i -> Math.round(1e6 * (1 - Math.pow(0.85, i)))).toArray();

        assertThat(GrowthRule.newHighs(counts, counts.length)).isEqualTo(20);
        assertThat(GrowthRule.growsWithEveryIteration(counts)).isFalse();
    }

    @Test
    void countsVaryingAboutALevelNeverGrow() {
        long grown = IntStream.range(0, 10_000).filter(seed -> {
            Random random = new Random(seed);
            return GrowthRule.growsWithEveryIteration(LongStream.rangeClosed(0, 20)
                    .map(i -> 1000 + random.nextInt(50)).toArray());
        }).count();

        assertThat(grown).isZero();
    }

    /** The worst noise: a random walk, which has no level to return to, reaches 5 new highs in 20 on average. */
    @Test
    void aRandomWalkGrowsInFewerThanOneSeriesInAThousand() {
        long grown = IntStream.range(0, 10_000).filter(seed -> {
            Random random = new Random(seed);
            long[] counts = new long[21];
            counts[0] = 1000;
            for (int i = 1; i < counts.length; i++) {
                counts[i] = counts[i - 1] + Math.round(random.nextGaussian() * 20);
            }
            return GrowthRule.growsWithEveryIteration(counts);
        }).count();

        assertThat(grown).isLessThan(10);
    }

    @Test
    void aSeriesThatMissedTooManyNewHighsCannotGrowAnyMore() {
        long[] counts = series(100, 5, 20);
        flattenAt(counts, 1);
        flattenAt(counts, 2);
        assertThat(GrowthRule.canStillGrow(counts, 3, 20)).isTrue();
        flattenAt(counts, 3);
        assertThat(GrowthRule.canStillGrow(counts, 4, 20)).isFalse();
    }

    @Test
    void fewerThanFiveIterationsCannotBeDecided() {
        assertThatThrownBy(() -> GrowthRule.growsWithEveryIteration(series(0, 1, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 5");
    }

    /** {@code start}, then {@code step} more after each of {@code iterations} iterations. */
    private static long[] series(long start, long step, int iterations) {
        return LongStream.rangeClosed(0, iterations).map(i -> start + step * i).toArray();
    }

    /** Iteration {@code i} adds nothing; the later ones add as before. */
    private static void flattenAt(long[] counts, int i) {
        long step = counts[i] - counts[i - 1];
        for (int j = i; j < counts.length; j++) {
            counts[j] -= step;
        }
    }
}
