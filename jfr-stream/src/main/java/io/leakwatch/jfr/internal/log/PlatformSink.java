package io.leakwatch.jfr.internal.log;

/**
 * Messages through the JDK's {@link System.Logger}, used when the application has configured platform logging
 * (its own {@code System.LoggerFinder}, or {@code java.util.logging} set up by system property).
 */
final class PlatformSink implements Sink {
    private final System.Logger logger = System.getLogger(Log.NAME);

    @Override
    public boolean isEnabled(Level level) {
        return logger.isLoggable(platformLevel(level));
    }

    @Override
    public void log(Level level, String message, Throwable cause) {
        String text = "Leakwatch: " + message;
        if (cause == null) {
            logger.log(platformLevel(level), text);
        } else {
            logger.log(platformLevel(level), text, cause);
        }
    }

    private static System.Logger.Level platformLevel(Level level) {
        return switch (level) {
            case DEBUG -> System.Logger.Level.DEBUG;
            case INFO -> System.Logger.Level.INFO;
            case WARN -> System.Logger.Level.WARNING;
            case ERROR -> System.Logger.Level.ERROR;
        };
    }
}
