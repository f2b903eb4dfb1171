package io.leakwatch.examples.zoo;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Leak: each widget registers a listener that captures it and is never removed (about 0.3 MB/s). */
final class ListenerLeak implements Scenario {
    static final EventBus BUS = new EventBus();

    @Override
    public String description() {
        return "leak: listeners registered on an event bus and never unregistered";
    }

    @Override
    public String leakingClass() {
        return "ListenerLeak$Widget";
    }

    @Override
    public void step() throws InterruptedException {
        new Widget("widget").open();
        Churn.allocate(400);
        Thread.sleep(10);
    }

    static final class EventBus {
        final List<Runnable> listeners = new CopyOnWriteArrayList<>();

        void register(Runnable listener) {
            listeners.add(listener);
        }
    }

    static final class Widget {
        final char[] label = new char[1500];

        Widget(String name) {
            name.getChars(0, name.length(), label, 0);
        }

        void open() {
            BUS.register(new Runnable() {
                @Override
                public void run() {
                    label[0] = '!';
                }
            });
        }
    }
}
