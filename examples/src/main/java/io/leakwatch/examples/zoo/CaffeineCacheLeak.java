package io.leakwatch.examples.zoo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;

/**
 * Leak: a price service caches every quote it computes in a Caffeine cache that expires entries an hour after last
 * access but has no size bound, and is asked for a new instrument every time (about 0.8 MB/s). The cache is the
 * generated {@code BoundedLocalCache} subclass that expiry brings, whose map field the JVM misnames.
 */
final class CaffeineCacheLeak implements Scenario {
    private final PriceService service = new PriceService(Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1)).build());
    private long instrument;

    @Override
    public String description() {
        return "leak: a Caffeine cache without a size bound, keyed by ever new instruments";
    }

    @Override
    public String leakingClass() {
        return "CaffeineCacheLeak$Quote";
    }

    @Override
    public void step() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            service.quote(instrument++);
        }
        Churn.allocate(400);
        Thread.sleep(10);
    }

    /** The application's service; its {@code quotes} field is the reference its owner controls. */
    static final class PriceService {
        private final Cache<Long, Quote> quotes;

        PriceService(Cache<Long, Quote> quotes) {
            this.quotes = quotes;
        }

        Quote quote(long instrument) {
            return quotes.get(instrument, Quote::new);
        }
    }

    static final class Quote {
        final long instrument;
        final double[] history = new double[200];

        Quote(long instrument) {
            this.instrument = instrument;
        }
    }
}
