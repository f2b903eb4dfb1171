/**
 * The leak monitor's state as metrics, read lazily from its latest analysis.
 *
 * <ul>
 *   <li>{@link io.leakwatch.metrics.MicrometerLeakMetrics}: a Micrometer {@code MeterBinder}.</li>
 *   <li>{@link io.leakwatch.metrics.OpenTelemetryLeakMetrics}: OpenTelemetry instruments, {@code close()} to remove
 *       them.</li>
 * </ul>
 */
package io.leakwatch.metrics;
