/**
 * Leakwatch on JDK Flight Recorder: {@link io.leakwatch.jfr.LeakMonitor} watches the running JVM,
 * {@link io.leakwatch.jfr.RecordingAnalyzer} analyses {@code .jfr} files with the same engine, and the
 * {@code leakwatch.*} events in {@link io.leakwatch.jfr.events} carry the monitor's evidence in its recordings.
 */
module io.leakwatch.jfr {
    requires transitive io.leakwatch.core;
    requires transitive jdk.jfr;
    requires java.management;
    requires java.instrument;
    requires org.slf4j;

    exports io.leakwatch.jfr;
    exports io.leakwatch.jfr.events;
}
