package io.leakwatch.junit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The programs of the examples' zoo ({@code io.leakwatch.examples.zoo}), one iteration of work at a time: the same
 * structures and the same leaks, without the zoo's 10 ms sleep per step and with the batch job's 4-second wall-clock
 * period turned into iterations (a leak test measures iterations, not time). Sizes are smaller, so that twenty runs
 * of each fit a CI build.
 */
final class IterationZoo {
    /** One iteration of a program. */
    interface Scenario {
        /** One iteration: one request of a service. */
        void iteration() throws Exception;
    }

    private static final Map<String, Supplier<Scenario>> SCENARIOS = new LinkedHashMap<>();
    private static final Map<String, String> LEAKING = new HashMap<>();

    static {
        SCENARIOS.put("callback-capture", CallbackCaptureLeak::new);
        SCENARIOS.put("static-map", StaticMapLeak::new);
        SCENARIOS.put("listeners", ListenerLeak::new);
        SCENARIOS.put("thread-local", ThreadLocalLeak::new);
        SCENARIOS.put("memo-cache", MemoCacheLeak::new);
        SCENARIOS.put("inner-class", InnerClassLeak::new);
        SCENARIOS.put("slow-leak-large-heap", SlowLeakUnderLargeHeap::new);
        SCENARIOS.put("small-objects", SmallObjectLeak::new);
        SCENARIOS.put("lru-cache", LruCache::new);
        SCENARIOS.put("batch-job", BatchJob::new);
        SCENARIOS.put("request-churn", RequestChurn::new);
        SCENARIOS.put("startup-structure", StartupStructure::new);
        LEAKING.put("callback-capture", CallbackCaptureLeak.View.class.getName());
        LEAKING.put("static-map", StaticMapLeak.Customer.class.getName());
        LEAKING.put("listeners", ListenerLeak.Widget.class.getName());
        LEAKING.put("thread-local", ThreadLocalLeak.RequestContext.class.getName());
        LEAKING.put("memo-cache", MemoCacheLeak.Result.class.getName());
        LEAKING.put("inner-class", InnerClassLeak.Document.class.getName());
        LEAKING.put("slow-leak-large-heap", SlowLeakUnderLargeHeap.AuditRecord.class.getName());
        LEAKING.put("small-objects", SmallObjectLeak.Point.class.getName());
    }

    private IterationZoo() {
    }

    static List<String> names() {
        return List.copyOf(SCENARIOS.keySet());
    }

    static Scenario create(String name) {
        return SCENARIOS.get(name).get();
    }

    /**
     * The truth about a program: the class whose instances leak ({@code IterationZoo$StaticMapLeak$Customer}), or null
     * when none does. Known without making the program (some build large structures when made).
     */
    static String leakingClass(String name) {
        return LEAKING.get(name);
    }

    /** Short-lived garbage, as request handling makes; kept in a ring so that the JIT cannot remove it. */
    static final class Churn {
        private static final Object[] RING = new Object[16];
        private static int next;

        private Churn() {
        }

        static void allocate(int kilobytes) {
            for (int i = 0; i < kilobytes / 8; i++) {
                RING[next++ & (RING.length - 1)] = new byte[8 * 1024];
            }
        }
    }

    /** Leak: a replaced view stays alive through the price callback that captured it. */
    static final class CallbackCaptureLeak implements Scenario {
        static final List<Consumer<Double>> SUBSCRIBERS = new ArrayList<>();
        private View current;


        @Override
        public void iteration() {
            View next = new View();
            SUBSCRIBERS.add(next::render);
            current = next;
            Churn.allocate(200);
        }

        static final class View {
            private final double[] chart = new double[600];

            void render(double price) {
                chart[0] = price;
            }
        }
    }

    /** Leak: every request registers customers in a static map that is never cleared. */
    static final class StaticMapLeak implements Scenario {
        static final Map<Long, Customer> CUSTOMERS = new HashMap<>();
        private static long next;


        @Override
        public void iteration() {
            for (int i = 0; i < 5; i++) {
                CUSTOMERS.put(next, new Customer(next));
                next++;
            }
            Churn.allocate(200);
        }

        static final class Customer {
            final long id;
            final long[] history = new long[100];

            Customer(long id) {
                this.id = id;
            }
        }
    }

    /** Leak: each widget registers a listener that captures it and is never removed. */
    static final class ListenerLeak implements Scenario {
        static final List<Runnable> LISTENERS = new CopyOnWriteArrayList<>();


        @Override
        public void iteration() {
            new Widget().open();
            Churn.allocate(200);
        }

        static final class Widget {
            final char[] label = new char[1500];

            void open() {
                LISTENERS.add(new Runnable() {
                    @Override
                    public void run() {
                        label[0] = '!';
                    }
                });
            }
        }
    }

    /** Leak: pool threads keep request contexts in a ThreadLocal that tasks append to and never clear. */
    static final class ThreadLocalLeak implements Scenario {
        private static final ThreadLocal<List<RequestContext>> CONTEXTS = ThreadLocal.withInitial(ArrayList::new);
        /** A server's pool: it lives as long as the JVM, and so does what its threads hold. */
        private static final ExecutorService POOL = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "zoo-worker");
            thread.setDaemon(true);
            return thread;
        });


        @Override
        public void iteration() throws InterruptedException, ExecutionException {
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                tasks.add(POOL.submit(() -> CONTEXTS.get().add(new RequestContext())));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
            Churn.allocate(200);
        }

        static final class RequestContext {
            final byte[] attributes = new byte[1024];
        }
    }

    /** Leak: a memo cache keyed by inputs that never repeat, with no bound. */
    static final class MemoCacheLeak implements Scenario {
        private final Map<String, Result> memo = new HashMap<>();
        private long request;


        @Override
        public void iteration() {
            for (int i = 0; i < 5; i++) {
                memo.computeIfAbsent("quote-" + request++, Result::new);
            }
            Churn.allocate(200);
        }

        static final class Result {
            final String key;
            final double[] values = new double[100];

            Result(String key) {
                this.key = key;
            }
        }
    }

    /** Leak: a registry keeps small inner-class handles, each holding its outer document. */
    static final class InnerClassLeak implements Scenario {
        static final List<Object> HANDLES = new ArrayList<>();


        @Override
        public void iteration() {
            HANDLES.add(new Document().handle());
            Churn.allocate(200);
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

    /** Leak: three audit records per iteration on top of 20 MB of stable data. */
    static final class SlowLeakUnderLargeHeap implements Scenario {
        static final List<AuditRecord> AUDIT_LOG = new ArrayList<>();
        private final List<byte[]> stable = new ArrayList<>();

        SlowLeakUnderLargeHeap() {
            for (int i = 0; i < 20_000; i++) {
                stable.add(new byte[1000]);
            }
        }


        @Override
        public void iteration() {
            for (int i = 0; i < 3; i++) {
                AUDIT_LOG.add(new AuditRecord());
            }
            Churn.allocate(200);
        }

        static final class AuditRecord {
            final long[] fields = new long[100];
        }
    }

    /** Leak: small records appended to a static list among larger garbage. */
    static final class SmallObjectLeak implements Scenario {
        static final List<Point> POINTS = new ArrayList<>();
        private long next;


        @Override
        public void iteration() {
            for (int i = 0; i < 100; i++) {
                POINTS.add(new Point(next, next++));
            }
            Churn.allocate(200);
        }

        record Point(long x, long y) {
        }
    }

    /** Healthy: an LRU cache of 4,000 values that fills during the test (in about 12 iterations), then replaces. */
    static final class LruCache implements Scenario {
        static final int CAPACITY = 4_000;
        private final Map<Integer, byte[]> cache = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, byte[]> eldest) {
                return size() > CAPACITY;
            }
        };
        private final Random random = new Random();


        @Override
        public void iteration() {
            for (int i = 0; i < 400; i++) {
                cache.computeIfAbsent(random.nextInt(4 * CAPACITY), key -> new byte[200]);
            }
            Churn.allocate(200);
        }
    }

    /** Healthy: a batch built over four iterations, then dropped. */
    static final class BatchJob implements Scenario {
        private final List<byte[]> batch = new ArrayList<>();
        private int iteration;


        @Override
        public void iteration() {
            for (int i = 0; i < 150; i++) {
                batch.add(new byte[1024]);
            }
            if (++iteration % 4 == 0) {
                batch.clear();
            }
            Churn.allocate(100);
        }
    }

    /** Healthy: request churn, each request living a few iterations in an in-flight queue. */
    static final class RequestChurn implements Scenario {
        private final Deque<Request> inFlight = new ArrayDeque<>();


        @Override
        public void iteration() {
            for (int i = 0; i < 20; i++) {
                inFlight.addLast(new Request());
            }
            while (inFlight.size() > 60) {
                inFlight.removeFirst();
            }
            Churn.allocate(200);
        }

        static final class Request {
            final byte[] body = new byte[2048];
        }
    }

    /** Healthy: a 10 MB lookup table built once, then only read. */
    static final class StartupStructure implements Scenario {
        private final Map<Integer, long[]> table = new HashMap<>();
        private int next;

        StartupStructure() {
            for (int i = 0; i < 10_000; i++) {
                table.put(i, new long[120]);
            }
        }


        @Override
        public void iteration() {
            for (int i = 0; i < 100; i++) {
                table.get(next++ % 10_000)[0]++;
            }
            Churn.allocate(200);
        }
    }
}
