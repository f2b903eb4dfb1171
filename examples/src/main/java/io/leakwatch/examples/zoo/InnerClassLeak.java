package io.leakwatch.examples.zoo;

import java.util.ArrayList;
import java.util.List;

/**
 * Leak: a registry keeps small handles, but each handle is an inner class that holds its outer document, buffer and
 * all.
 */
final class InnerClassLeak implements Scenario {
    static final List<Object> HANDLES = new ArrayList<>();

    @Override
    public String description() {
        return "leak: an inner-class handle kept in a registry holds its whole outer document";
    }

    @Override
    public String leakingClass() {
        return "InnerClassLeak$Document";
    }

    @Override
    public void step() throws InterruptedException {
        HANDLES.add(new Document().handle());
        Churn.allocate(400);
        Thread.sleep(10);
    }

    static final class Document {
        private final byte[] buffer = new byte[3000];

        Handle handle() {
            return new Handle();
        }

        final class Handle {
            int length() {
                return buffer.length;
            }
        }
    }
}
