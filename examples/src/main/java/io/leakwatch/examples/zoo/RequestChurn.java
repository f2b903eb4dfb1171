package io.leakwatch.examples.zoo;

import java.util.ArrayDeque;
import java.util.Deque;

/** Healthy: steady request churn, each request's objects living a few hundred milliseconds in an in-flight queue. */
final class RequestChurn implements Scenario {
    private final Deque<Request> inFlight = new ArrayDeque<>();

    @Override
    public String description() {
        return "healthy: steady request churn with short-lived in-flight requests";
    }

    @Override
    public String leakingClass() {
        return null;
    }

    @Override
    public void step() throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            inFlight.addLast(new Request());
        }
        while (inFlight.size() > 600) {
            inFlight.removeFirst();
        }
        Churn.allocate(400);
        Thread.sleep(10);
    }

    static final class Request {
        final byte[] body = new byte[2048];
    }
}
