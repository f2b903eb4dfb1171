package io.leakwatch.examples.zoo;

import io.leakwatch.core.LeakKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Healthy (class metadata): 300 plugins loaded at start-up and kept (metaspace fills, then levels off), then one
 * plugin hot-reloaded every 50 ms by a new class loader with the old instance dropped, so every old loader can be
 * unloaded: metaspace rises until a collection unloads classes, and falls back.
 */
final class PluginHotReload implements Scenario {
    private static final int AT_START_UP = 300;
    private final PluginBytes plugin = new PluginBytes();
    private final List<Object> startUp = new ArrayList<>();
    /** The plugin in use; the one before it is garbage, its loader and classes with it. */
    private Object current;

    @Override
    public String description() {
        return "healthy: plugins loaded at start-up, then one hot-reloaded every 50 ms with the old one dropped";
    }

    @Override
    public String leakingClass() {
        return null;
    }

    @Override
    public LeakKind kind() {
        return LeakKind.CLASS_METADATA;
    }

    @Override
    public void step() throws InterruptedException {
        if (startUp.size() < AT_START_UP) {
            for (int i = 0; i < 30; i++) {
                startUp.add(plugin.newInstance());
            }
        } else {
            current = plugin.newInstance();
        }
        Churn.allocate(200);
        Thread.sleep(50);
    }
}
