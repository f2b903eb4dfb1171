package io.leakwatch.core.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CollectionEndsTest {
    @Test
    void findsTheFirstCollectionAfterATimeWhateverTheOrderOfArrival() {
        CollectionEnds ends = new CollectionEnds(8);
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
        CollectionEnds ends = new CollectionEnds(3);
        ends.add(10);
        ends.add(20);
        ends.add(30);
        ends.add(40); // 10 dropped
        ends.add(5); // older than everything kept
        ends.add(25); // 20 dropped

        assertThat(ends.anyAfterUntil(0, 24)).isFalse();
        assertThat(ends.anyAfterUntil(0, 25)).isTrue();
        assertThat(ends.anyAfterUntil(25, 30)).isTrue();
        assertThat(ends.anyAfterUntil(30, 39)).isFalse();
        assertThat(ends.anyAfterUntil(30, 40)).isTrue();
    }
}
