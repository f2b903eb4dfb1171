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
    // Only when the application has SLF4J: the monitor logs through it then, and otherwise without it.
    requires static org.slf4j;

    exports io.leakwatch.jfr;
    exports io.leakwatch.jfr.events;
}
