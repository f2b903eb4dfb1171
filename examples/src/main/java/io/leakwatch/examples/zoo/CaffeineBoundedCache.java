package io.leakwatch.examples.zoo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.Random;

/**
 * Healthy: the price service of {@link CaffeineCacheLeak} with a size bound of 20,000 quotes (about 35 MB), asked
 * for instruments at random among 80,000: it fills in seconds, then only replaces.
 */
final class CaffeineBoundedCache implements Scenario {
    static final int MAXIMUM = 20_000;
    private final CaffeineCacheLeak.PriceService service;
    private final Random random = new Random(1);

    CaffeineBoundedCache() {
        Cache<Long, CaffeineCacheLeak.Quote> cache = Caffeine.newBuilder().maximumSize(MAXIMUM).build();
        service = new CaffeineCacheLeak.PriceService(cache);
    }

    @Override
    public String description() {
        return "healthy: a Caffeine cache with a size bound that fills, then stays full";
    }

    @Override
    public String leakingClass() {
        return null;
    }

    @Override
    public void step() throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            service.quote(random.nextInt(4 * MAXIMUM));
        }
        Churn.allocate(200);
        Thread.sleep(10);
    }
}
