package io.leakwatch.examples.zoo;

import io.leakwatch.core.LeakKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Leak (class metadata): a plugin hot-reloaded every 50 ms, each time by a new class loader, and every old instance
 * kept in a registry, so no loader can ever be unloaded (about 20 loaders and 60 classes a second).
 */
final class PluginReloadLeak implements Scenario {
    static final List<Object> LOADED = new ArrayList<>();
    private final PluginBytes plugin = new PluginBytes();

    @Override
    public String description() {
        return "leak: a plugin reloaded by a new class loader every 50 ms, every old instance kept";
    }

    @Override
    public String leakingClass() {
        return "PluginBytes$PluginLoader";
    }

    @Override
    public LeakKind kind() {
        return LeakKind.CLASS_METADATA;
    }

    @Override
    public void step() throws InterruptedException {
        LOADED.add(plugin.newInstance());
        Churn.allocate(200);
        Thread.sleep(50);
    }
}
