package io.leakwatch.core.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatestLongsTest {
    @Test
    void findsTheFirstCollectionAfterATimeWhateverTheOrderOfArrival() {
        LatestLongs ends = new LatestLongs(8);
        ends.add(30);
        ends.add(10);
        ends.add(20);
        ends.add(20);

        assertThat(ends.anyAfterUntil(10, 19)).isFalse();
        assertThat(ends.anyAfterUntil(10, 20)).isTrue();
        assertThat(ends.anyAfterUntil(5, 10)).isTrue();
        assertThat(ends.anyAfterUntil(30, Long.MAX_VALUE)).isFalse();
    }

    @Test
    void whenFullDropsTheOldestAndIgnoresOlderOnes() {
        LatestLongs ends = new LatestLongs(3);
        assertThat(ends.add(10)).isTrue();
        ends.add(20);
        ends.add(30);
        assertThat(ends.add(40)).isTrue(); // 10 dropped
        assertThat(ends.add(5)).isFalse(); // older than everything kept
        assertThat(ends.add(25)).isTrue(); // 20 dropped
        assertThat(ends.add(25)).isFalse();

        assertThat(ends.contains(10)).isFalse();
        assertThat(ends.contains(20)).isFalse();
        assertThat(ends.contains(25)).isTrue();
        assertThat(ends.contains(40)).isTrue();
        assertThat(ends.anyAfterUntil(0, 24)).isFalse();
        assertThat(ends.anyAfterUntil(0, 25)).isTrue();
        assertThat(ends.anyAfterUntil(25, 30)).isTrue();
        assertThat(ends.anyAfterUntil(30, 39)).isFalse();
        assertThat(ends.anyAfterUntil(30, 40)).isTrue();
    }

    @Test
    void growsToItsCapacityAndKeepsTheLargest() {
        LatestLongs values = new LatestLongs(1000);
        for (long value = 2999; value >= 0; value--) {
            values.add(value); // descending: each new one is the smallest, the worst case for the array
        }
        for (long value = 3000; value < 5000; value++) {
            values.add(value);
        }

        assertThat(values.contains(3999)).isFalse();
        assertThat(values.contains(4000)).isTrue();
        assertThat(values.contains(4999)).isTrue();
        assertThat(values.anyAfterUntil(0, 3999)).isFalse();
    }
}
