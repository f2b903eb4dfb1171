package io.leakwatch.examples;

import io.leakwatch.core.KindReport;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.LeakKind;
import io.leakwatch.core.Verdict;
import io.leakwatch.examples.zoo.ZooRunner;
import io.leakwatch.jfr.RecordingAnalysis;
import io.leakwatch.jfr.RecordingAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kinds outside the heap in real JVMs under G1: one JVM that leaks class loaders, threads, direct buffers and (on
 * JDK 20 and later, with Native Memory Tracking) native memory at once must call each of them {@code LEAK}, naming
 * its code; one that reloads plugins, pools threads and buffers and warms up its JIT must never be {@code LEAK}.
 * One JVM per case keeps CI short; the detection benchmark runs each scenario alone under the four collectors.
 */
@Execution(ExecutionMode.CONCURRENT)
class KindsDetectionTest {
    /** A cap, not an expectation: the run ends a few seconds after every kind is LEAK. */
    private static final long LEAK_SECONDS = 150;
    private static final long HEALTHY_SECONDS = 60;
    private static final boolean NATIVE_MEMORY_EVENTS = Runtime.version().feature() >= 20;

    @Test
    void eachKindThatLeaksIsLeakNamingItsCode(@TempDir Path work) throws Exception {
        Map<String, String> truths = new LinkedHashMap<>();
        truths.put("ClassMetadata", "PluginBytes$PluginLoader");
        truths.put("Threads", "ExecutorPerJobLeak");
        truths.put("DirectMemory", "DirectBufferLeak");
        String scenario = "plugin-reload+executor-per-job+direct-buffer-cache";
        if (NATIVE_MEMORY_EVENTS) {
            truths.put("NativeMemory", "Other");
            scenario += "+native-memory";
        }

        ChildJvm.Result result = run(work, scenario, LEAK_SECONDS, true);

        for (Map.Entry<String, String> truth : truths.entrySet()) {
            assertThat(result.value("verdictOf" + truth.getKey())).as(truth.getKey() + "\n" + result.output())
                    .isEqualTo("LEAK");
            assertThat(result.value("topOf" + truth.getKey())).as(result.output()).contains(truth.getValue());
            System.out.printf("%s: LEAK after %s s; top %s%n", truth.getKey(),
                    result.value("leakAfterSecondsOf" + truth.getKey()), result.value("topOf" + truth.getKey()));
        }
        if (!NATIVE_MEMORY_EVENTS) {
            assertThat(result.value("verdictOfNativeMemory")).isEqualTo("NOT_RECORDED");
        }
        assertThat(result.value("verdict")).isEqualTo("LEAK");

        RecordingAnalysis offline = new RecordingAnalyzer(ChildJvm.fastAnalysis()).analyze(work.resolve("leakwatch"));
        for (LeakKind kind : List.of(LeakKind.CLASS_METADATA, LeakKind.THREADS, LeakKind.DIRECT_MEMORY)) {
            assertThat(offline.analysis().kinds().stream().filter(k -> k.kind() == kind).map(KindReport::verdict))
                    .as(kind + ": " + offline.analysis().reason()).contains(Verdict.LEAK);
            LeakCandidate top = offline.analysis().topCandidate(kind);
            assertThat(top).as(kind.name()).isNotNull();
        }
    }

    @Test
    void healthyUseOfEveryKindIsNeverALeak(@TempDir Path work) throws Exception {
        String scenario = "plugin-hot-reload+bounded-thread-pool+pooled-direct-buffers"
                + (NATIVE_MEMORY_EVENTS ? "+native-churn" : "");

        ChildJvm.Result result = run(work, scenario, HEALTHY_SECONDS, false);

        assertThat(result.value("verdicts").split(" ")).as(result.output()).isNotEmpty().doesNotContain("LEAK");
        for (String kind : List.of("ClassMetadata", "Threads", "DirectMemory", "NativeMemory")) {
            assertThat(result.value("verdictOf" + kind)).as(kind + "\n" + result.output()).isNotEqualTo("LEAK");
            System.out.printf("healthy %s: %s (%s)%n", kind, result.value("verdictOf" + kind),
                    result.value("reasonOf" + kind));
        }
        RecordingAnalysis offline = new RecordingAnalyzer(ChildJvm.fastAnalysis()).analyze(work.resolve("leakwatch"));
        assertThat(offline.analysis().verdict()).as(offline.analysis().reason()).isNotEqualTo(Verdict.LEAK);
    }

    private static ChildJvm.Result run(Path work, String scenario, long seconds, boolean untilLeak) throws Exception {
        List<String> options = new ArrayList<>(ChildJvm.FAST_MONITOR);
        options.add("-XX:+UseG1GC");
        options.add("-Dleakwatch.dir=" + work.resolve("leakwatch"));
        if (NATIVE_MEMORY_EVENTS) {
            options.add("-XX:NativeMemoryTracking=summary");
        }
        List<String> arguments = new ArrayList<>(List.of(scenario, Long.toString(seconds)));
        if (untilLeak) {
            arguments.add("until-leak");
        }
        ChildJvm.Result result = ChildJvm.run(work, options, ZooRunner.class.getName(), arguments,
                Duration.ofSeconds(seconds + 60));
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result;
    }
}
