package io.leakwatch.jfr.internal.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages through the application's SLF4J. The only class of Leakwatch that refers to {@code org.slf4j}: it is
 * loaded only when {@link Destination#choose} found SLF4J bound. It uses only methods that SLF4J 1.7 and 2.x both
 * have, so it runs with either.
 */
final class Slf4jSink implements Sink {
    private final Logger logger = LoggerFactory.getLogger(Log.NAME);

    @Override
    public boolean isEnabled(Level level) {
        return switch (level) {
            case DEBUG -> logger.isDebugEnabled();
            case INFO -> logger.isInfoEnabled();
            case WARN -> logger.isWarnEnabled();
            case ERROR -> logger.isErrorEnabled();
        };
    }

    @Override
    public void log(Level level, String message, Throwable cause) {
        String text = "Leakwatch: " + message;
        switch (level) {
            case DEBUG -> logger.debug(text, cause);
            case INFO -> logger.info(text, cause);
            case WARN -> logger.warn(text, cause);
            case ERROR -> logger.error(text, cause);
        }
    }
}
