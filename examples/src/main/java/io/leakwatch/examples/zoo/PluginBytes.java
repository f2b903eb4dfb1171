package io.leakwatch.examples.zoo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A plugin of three classes whose bytes are read once from this class path and defined again by each new
 * {@link PluginLoader}, as an application server or a scripting engine reloads code.
 */
final class PluginBytes {
    private static final String[] CLASSES = {Plugin.class.getName(), Plugin.Task.class.getName(),
            Plugin.Settings.class.getName()};
    private final Map<String, byte[]> bytes = new HashMap<>();

    PluginBytes() {
        for (String name : CLASSES) {
            String resource = "/" + name.replace('.', '/') + ".class";
            try (InputStream in = PluginBytes.class.getResourceAsStream(resource)) {
                bytes.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
    }

    /** A new instance of the plugin, from a new loader. */
    Object newInstance() {
        try {
            PluginLoader loader = new PluginLoader(bytes);
            Object instance = loader.loadClass(Plugin.class.getName()).getDeclaredConstructor().newInstance();
            return ((Runnable) instance);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the plugin", e);
        }
    }

    /** Defines the plugin's classes itself, from their bytes; everything else comes from its parent. */
    static final class PluginLoader extends ClassLoader {
        private final Map<String, byte[]> bytes;

        PluginLoader(Map<String, byte[]> bytes) {
            super(PluginBytes.class.getClassLoader());
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            byte[] code = bytes.get(name);
            if (code == null) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : defineClass(name, code, 0, code.length);
            }
        }
    }

    /** The plugin: a task and its settings, with enough code to take some metaspace. */
    public static final class Plugin implements Runnable {
        private final Task task = new Task(new Settings());

        @Override
        public void run() {
            task.run();
        }

        /** One unit of the plugin's work. */
        public static final class Task implements Runnable {
            private final Settings settings;
            private long runs;

            Task(Settings settings) {
                this.settings = settings;
            }

            @Override
            public void run() {
                runs += settings.batch() + settings.retries() + settings.name().length();
            }

            long runs() {
                return runs;
            }
        }

        /** The plugin's settings. */
        public static final class Settings {
            String name() {
                return "plugin";
            }

            int batch() {
                return 64;
            }

            int retries() {
                return 3;
            }
        }
    }
}
