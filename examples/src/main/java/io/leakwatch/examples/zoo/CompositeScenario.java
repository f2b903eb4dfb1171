package io.leakwatch.examples.zoo;

import io.leakwatch.core.LeakKind;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Several scenarios in one program, each at its own pace: the first on the runner's thread, each other on a daemon
 * thread of its own ({@code zoo-<n>}, started at the first step), as the parts of a service run side by side. One
 * JVM that leaks (or stays healthy) in several kinds at once, so that a test covers them in one run.
 */
final class CompositeScenario implements Scenario {
    private final List<Scenario> parts;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private boolean started;

    CompositeScenario(List<Scenario> parts) {
        this.parts = List.copyOf(parts);
    }

    /** The scenarios run together. */
    List<Scenario> parts() {
        return parts;
    }

    @Override
    public String description() {
        return parts.stream().map(Scenario::description).collect(Collectors.joining("; "));
    }

    /** The parts' truths, space-separated; null when none leaks. */
    @Override
    public String leakingClass() {
        String truths = parts.stream().map(Scenario::leakingClass).filter(t -> t != null)
                .collect(Collectors.joining(" "));
        return truths.isEmpty() ? null : truths;
    }

    /** The first part's kind; {@link #parts()} has every one. */
    @Override
    public LeakKind kind() {
        return parts.get(0).kind();
    }

    @Override
    public List<String> jvmOptions() {
        return parts.stream().flatMap(part -> part.jvmOptions().stream()).distinct().toList();
    }

    @Override
    public void step() throws InterruptedException {
        if (!started) {
            started = true;
            for (int i = 1; i < parts.size(); i++) {
                Scenario part = parts.get(i);
                Thread thread = new Thread(() -> {
                    try {
                        while (failure.get() == null) {
                            part.step();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException | Error e) {
                        failure.compareAndSet(null, e);
                    }
                }, "zoo-" + i);
                thread.setDaemon(true);
                thread.start();
            }
        }
        Throwable failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("a part of the scenario failed: " + failed, failed);
        }
        parts.get(0).step();
    }
}
