package io.leakwatch.jfr;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What the in-process monitor tests share: a quick configuration and a look at the monitor's threads. */
final class TestMonitors {
    private TestMonitors() {
    }

    /** Snapshots every second, no heap inspections (they would run full collections in the test JVM). */
    static LeakMonitorConfig config(Path dir) {
        return LeakMonitorConfig.builder().outputDirectory(dir).snapshotInterval(Duration.ofSeconds(1))
                .inspectionMode(InspectionMode.OFF).build();
    }

    /** Names of the live threads the monitor starts. */
    static List<String> leakwatchThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("leakwatch-")).toList();
    }
}
