package io.leakwatch.examples.zoo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Every scenario of the zoo, by name. */
public final class Zoo {
    private static final Map<String, Supplier<Scenario>> SCENARIOS = new LinkedHashMap<>();

    static {
        SCENARIOS.put("callback-capture", CallbackCaptureLeak::new);
        SCENARIOS.put("static-map", StaticMapLeak::new);
        SCENARIOS.put("listeners", ListenerLeak::new);
        SCENARIOS.put("thread-local", ThreadLocalLeak::new);
        SCENARIOS.put("memo-cache", MemoCacheLeak::new);
        SCENARIOS.put("inner-class", InnerClassLeak::new);
        SCENARIOS.put("slow-leak-large-heap", SlowLeakUnderLargeHeap::new);
        SCENARIOS.put("small-objects", SmallObjectLeak::new);
        // Lambdas, not constructor references, for the scenarios on libraries: a reference would load the class, and
        // with it the library, as soon as the zoo is, and programs that run one plain scenario on a class path of
        // their own (the agent's logging tests) do not carry Tomcat, Caffeine or H2.
        SCENARIOS.put("tomcat-sessions", () -> new TomcatSessionLeak());
        SCENARIOS.put("caffeine-unbounded", () -> new CaffeineCacheLeak());
        SCENARIOS.put("h2-table", () -> new H2TableLeak());
        SCENARIOS.put("plugin-reload", PluginReloadLeak::new);
        SCENARIOS.put("executor-per-job", ExecutorPerJobLeak::new);
        SCENARIOS.put("direct-buffer-cache", DirectBufferLeak::new);
        SCENARIOS.put("native-memory", NativeMemoryLeak::new);
        SCENARIOS.put("lru-cache", LruCache::new);
        SCENARIOS.put("caffeine-bounded", () -> new CaffeineBoundedCache());
        SCENARIOS.put("batch-job", BatchJob::new);
        SCENARIOS.put("request-churn", RequestChurn::new);
        SCENARIOS.put("startup-structure", StartupStructure::new);
        SCENARIOS.put("plugin-hot-reload", PluginHotReload::new);
        SCENARIOS.put("bounded-thread-pool", BoundedThreadPool::new);
        SCENARIOS.put("pooled-direct-buffers", PooledDirectBuffers::new);
        SCENARIOS.put("native-churn", NativeChurn::new);
    }

    private Zoo() {
    }

    /** The scenario names, leaks first. */
    public static Iterable<String> names() {
        return SCENARIOS.keySet();
    }

    /**
     * A new instance of the named scenario; {@code a+b} runs several in one program, a step of each in turn.
     *
     * @throws IllegalArgumentException naming the scenarios there are
     */
    public static Scenario create(String name) {
        if (name.contains("+")) {
            return new CompositeScenario(java.util.Arrays.stream(name.split("\\+")).map(Zoo::create).toList());
        }
        Supplier<Scenario> scenario = SCENARIOS.get(name);
        if (scenario == null) {
            throw new IllegalArgumentException("No scenario '" + name + "'; the zoo has " + SCENARIOS.keySet());
        }
        return scenario.get();
    }
}
