package io.leakwatch.examples.zoo;

import io.leakwatch.core.LeakKind;

import java.util.List;

/**
 * Leak (native memory): 8 KB of native memory every 10 ms, never freed, as a native library that forgets a
 * {@code free} does (about 0.8 MB a second in the Native Memory Tracking category {@code Other}). Needs
 * {@code -XX:NativeMemoryTracking=summary}, and JDK 20 or later for JFR to report it.
 */
final class NativeMemoryLeak implements Scenario {
    private final NativeMemory memory = new NativeMemory();

    @Override
    public String description() {
        return "leak: native memory allocated and never freed";
    }

    @Override
    public String leakingClass() {
        return "Other";
    }

    @Override
    public LeakKind kind() {
        return LeakKind.NATIVE_MEMORY;
    }

    @Override
    public List<String> jvmOptions() {
        return List.of("-XX:NativeMemoryTracking=summary");
    }

    @Override
    public void step() throws InterruptedException {
        memory.allocate(8 * 1024);
        Churn.allocate(100);
        Thread.sleep(10);
    }
}
