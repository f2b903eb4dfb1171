/**
 * The leak monitor's state for metrics backends: {@link io.leakwatch.metrics.MicrometerLeakMetrics} (a Micrometer
 * {@code MeterBinder}) and {@link io.leakwatch.metrics.OpenTelemetryLeakMetrics} (OpenTelemetry instruments). Each
 * needs only its own ecosystem's API at run time, brought by the application.
 */
module io.leakwatch.metrics {
    requires transitive io.leakwatch.jfr;
    requires static micrometer.core;
    requires static io.opentelemetry.api;

    exports io.leakwatch.metrics;
}
