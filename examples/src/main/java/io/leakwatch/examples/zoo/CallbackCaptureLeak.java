package io.leakwatch.examples.zoo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Leak: each request replaces the dashboard's view with a new one, but every old view stays alive through the price
 * callback it registered, which captured it.
 */
final class CallbackCaptureLeak implements Scenario {
    static final PriceFeed FEED = new PriceFeed();
    private View current;

    @Override
    public String description() {
        return "leak: a replaced view is kept alive by the price callback that captured it";
    }

    @Override
    public String leakingClass() {
        return "CallbackCaptureLeak$View";
    }

    @Override
    public void step() throws InterruptedException {
        View next = new View();
        FEED.subscribe(next::render); // the callback captures the view; nobody unsubscribes the one it replaces
        current = next;
        Churn.allocate(400);
        Thread.sleep(10);
    }

    static final class PriceFeed {
        private final List<Consumer<Double>> subscribers = new ArrayList<>();

        void subscribe(Consumer<Double> subscriber) {
            subscribers.add(subscriber);
        }
    }

    static final class View {
        private final double[] chart = new double[600];

        void render(double price) {
            chart[0] = price;
        }
    }
}
