package io.leakwatch.core;

/**
 * What belongs to the JDK and what to Leakwatch itself, by class name: the one policy that decides which frames are
 * application code, which types say nothing about a leak on their own ({@code byte[]}, {@code String},
 * {@code HashMap$Node}) and which objects are the monitor's own.
 */
public final class JdkTypes {
    private JdkTypes() {
    }

    /**
     * Whether a class or array type is the JDK's: primitive arrays, and {@code java.}, {@code javax.}, {@code jdk.},
     * {@code sun.} and {@code com.sun.} classes and arrays of them.
     */
    public static boolean isJdk(String typeName) {
        String element = typeName.replace("[]", "");
        return !element.contains(".") || element.startsWith("java.") || element.startsWith("javax.")
                || element.startsWith("jdk.") || element.startsWith("sun.") || element.startsWith("com.sun.");
    }

    /**
     * Whether a class loader type is one the JDK makes on the application's behalf: its built-in loaders
     * ({@code jdk.internal.loader.ClassLoaders$AppClassLoader}, {@code $PlatformClassLoader}) and reflection's
     * accessor loaders ({@code jdk.internal.reflect.DelegatingClassLoader}, up to JDK 17), which a service warming
     * up keeps adding for a long time. Loaders the application asks for, {@code URLClassLoader} or a module layer's
     * {@code jdk.internal.loader.Loader}, are not.
     */
    public static boolean isJdkOwnLoader(String loaderType) {
        return loaderType.startsWith("jdk.internal.loader.ClassLoaders$")
                || loaderType.startsWith("jdk.internal.reflect.");
    }

    /** Lambdas and other hidden classes: {@code App$$Lambda$14/0x...} (or {@code +0x...} as JFR writes it). */
    public static boolean isHidden(String typeName) {
        return typeName.contains("$$Lambda") || typeName.contains("/0x") || typeName.contains("+0x");
    }

    /**
     * Whether a type is the monitor's own state or JFR's parser objects, which grow until their bounds and get
     * sampled like anything else; they are not the application's leak.
     */
    public static boolean isMonitorInternal(String typeName) {
        String element = typeName.replace("[]", "");
        return element.startsWith("io.leakwatch.core.") || element.startsWith("io.leakwatch.jfr.internal.")
                || element.startsWith("jdk.jfr.internal.") || element.startsWith("jdk.jfr.consumer.");
    }
}
