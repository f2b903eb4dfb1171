package io.leakwatch.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One live class loader at one moment ({@code jdk.ClassLoaderStatistics}: the JVM writes one such event per loader,
 * all with the same time).
 *
 * @param time             when the loaders were listed
 * @param loaderId         the loader's identity in the recording
 * @param loaderType       the loader's class, for example {@code org.example.PluginLoader}
 * @param classCount       classes it defined (hidden ones included)
 * @param metaspaceBytes   metaspace its classes take (chunks, hidden classes' included)
 */
public record ClassLoaderStatistics(Instant time, long loaderId, String loaderType, long classCount,
                                    long metaspaceBytes) {
    public ClassLoaderStatistics {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(loaderType, "loaderType");
    }
}
