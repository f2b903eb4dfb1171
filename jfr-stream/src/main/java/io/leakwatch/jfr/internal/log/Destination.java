package io.leakwatch.jfr.internal.log;

/** Where the monitor's messages go, and how that is chosen. */
public enum Destination {
    /** The application's SLF4J binding. */
    SLF4J,
    /** The JDK's {@link System.Logger}, which the application has configured. */
    PLATFORM_LOGGER,
    /** One line per message on standard error. */
    STANDARD_ERROR;

    /** SLF4J 2.x finds its providers through this service; 1.7 had no such type. */
    static final String SLF4J_2_PROVIDER_TYPE = "org/slf4j/spi/SLF4JServiceProvider.class";
    static final String SLF4J_2_PROVIDER_SERVICE = "META-INF/services/org.slf4j.spi.SLF4JServiceProvider";
    /** SLF4J 2.0.9 and later load the provider this property names, with no service file needed. */
    static final String SLF4J_2_PROVIDER_PROPERTY = "slf4j.provider";
    /** The class an SLF4J 1.7 binding provides. */
    static final String SLF4J_1_BINDING = "org/slf4j/impl/StaticLoggerBinder.class";
    static final String SLF4J_API = "org/slf4j/LoggerFactory.class";

    /** What can be seen on a class path: whether it holds a resource. */
    @FunctionalInterface
    interface ClassPath {
        boolean has(String resource);
    }

    /**
     * Chooses a destination. SLF4J counts as bound only when the API present would find a binding of its own
     * version: SLF4J 2 ignores a 1.7 binding (and prints "No SLF4J providers were found"), and SLF4J 1.7 ignores a
     * 2.x provider (and prints "Failed to load class org.slf4j.impl.StaticLoggerBinder"); both then log to nowhere.
     *
     * @param classPath               what Leakwatch's class loader sees
     * @param providerProperty        the value of {@code slf4j.provider}, or null
     * @param platformLoggingConfigured whether the application configured the JDK's platform logging
     */
    static Destination choose(ClassPath classPath, String providerProperty, boolean platformLoggingConfigured) {
        if (slf4jBound(classPath, providerProperty)) {
            return SLF4J;
        }
        return platformLoggingConfigured ? PLATFORM_LOGGER : STANDARD_ERROR;
    }

    static boolean slf4jBound(ClassPath classPath, String providerProperty) {
        if (!classPath.has(SLF4J_API)) {
            return false;
        }
        if (classPath.has(SLF4J_2_PROVIDER_TYPE)) {
            return providerProperty != null && !providerProperty.isBlank() || classPath.has(SLF4J_2_PROVIDER_SERVICE);
        }
        return classPath.has(SLF4J_1_BINDING);
    }

    /** The destination for this JVM, as Leakwatch's own class loader sees it. */
    static Destination forThisJvm() {
        ClassLoader loader = Destination.class.getClassLoader();
        ClassLoader seen = loader != null ? loader : ClassLoader.getSystemClassLoader();
        return choose(resource -> seen.getResource(resource) != null, System.getProperty(SLF4J_2_PROVIDER_PROPERTY),
                platformLoggingConfigured());
    }

    /**
     * Whether the application has made the JDK's platform logging its own: a {@code System.LoggerFinder} of its own
     * (log4j's or SLF4J's bridge, for example), or {@code java.util.logging} configured by system property. The
     * JDK's default logger is not used otherwise: it prints two lines per message, and its handlers are closed by a
     * shutdown hook of its own, which would lose the warnings the monitor writes while the JVM exits.
     */
    static boolean platformLoggingConfigured() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return true;
        }
        try {
            String module = System.LoggerFinder.getLoggerFinder().getClass().getModule().getName();
            return !"java.base".equals(module) && !"java.logging".equals(module);
        } catch (RuntimeException | java.util.ServiceConfigurationError e) {
            return false;
        }
    }

    Sink newSink() {
        return switch (this) {
            case SLF4J -> new Slf4jSink();
            case PLATFORM_LOGGER -> new PlatformSink();
            case STANDARD_ERROR -> new StandardErrorSink();
        };
    }
}
