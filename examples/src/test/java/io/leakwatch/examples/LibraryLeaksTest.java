package io.leakwatch.examples;

import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.ReferenceStep;
import io.leakwatch.core.Verdict;
import io.leakwatch.examples.zoo.ZooRunner;
import io.leakwatch.jfr.RecordingAnalysis;
import io.leakwatch.jfr.RecordingAnalyzer;
import io.leakwatch.jfr.events.FieldNameEvent;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leaks in programs built on real libraries (an embedded Tomcat keeping sessions, a Caffeine cache without a bound,
 * an H2 table that grows), each run three times in real JVMs under the live monitor, as three restarts of one
 * service. In every run the top candidate must be allocated at the application's frame, every holder shown must be a
 * real reference, the container must be the structure its user knows, the suspect reference the application's
 * field; and the three runs must give one fingerprint, which the offline analysis of each run's evidence finds too.
 */
class LibraryLeaksTest {
    private static final long SECONDS = 120;
    private static final int RUNS = 3;
    private static final String ZOO = "io.leakwatch.examples.zoo.";

    /**
     * @param frame       what the application frame is in
     * @param container   the container's type
     * @param holdsIt     a step of the chain at or above the container that must be there
     * @param suspect     what the suspect reference starts with
     * @param mayHaveNone whether the chain may show no suspect reference: the JVM's path from the container to a
     *                    root need not pass the application's field (an embedded Tomcat's own threads hold it too)
     */
    record Expected(String scenario, String frame, String container, String holdsIt, String suspect,
                    boolean mayHaveNone) {
    }

    static Stream<Arguments> leaks() {
        return Stream.of(
                Arguments.of(new Expected("tomcat-sessions", ZOO + "TomcatSessionLeak$",
                        "java.util.concurrent.ConcurrentHashMap", "StandardManager.sessions", "TomcatSessionLeak.", true)),
                // The JVM may sample the cache's keys (allocated in PriceService.quote) or its Quote values first.
                Arguments.of(new Expected("caffeine-unbounded", ZOO + "CaffeineCacheLeak$",
                        "com.github.benmanes.caffeine.cache.BoundedLocalCache$BoundedLocalManualCache",
                        "BoundedLocalCache$BoundedLocalManualCache.cache", "CaffeineCacheLeak$PriceService.quotes", false)),
                Arguments.of(new Expected("h2-table", ZOO + "H2TableLeak$AuditLog.record",
                        "org.h2.mvstore.tx.TransactionMap", "TransactionMap.map", "H2TableLeak$AuditLog.", true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leaks")
    void aLeakInALibraryIsNamedByTheApplicationFrameContainerAndSuspectReferenceWithOneFingerprint(
            Expected expected, @TempDir Path work) throws Exception {
        List<ChildJvm.Result> runs = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(RUNS);
        try {
            List<Future<ChildJvm.Result>> futures = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                Path dir = Files.createDirectories(work.resolve("run" + run));
                futures.add(pool.submit(() -> run(dir, expected.scenario())));
            }
            for (Future<ChildJvm.Result> future : futures) {
                runs.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> fingerprints = new ArrayList<>();
        List<RecordingAnalysis> offlines = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            ChildJvm.Result result = runs.get(run);
            RecordingAnalysis offline = new RecordingAnalyzer(ChildJvm.fastAnalysis())
                    .analyze(work.resolve("run" + run).resolve("leakwatch"));
            offlines.add(offline);
            fingerprints.add(result.value("topFingerprint"));
            // Printed before anything is asserted, so that a failing run shows what it found.
            System.out.printf("%s run %d: %s after %s s, fingerprint %s (offline %s)%n%s%n", expected.scenario(),
                    run + 1, result.value("verdict"), result.value("leakAfterSeconds"),
                    result.value("topFingerprint"), offline.analysis().candidates().stream()
                            .map(LeakCandidate::fingerprint).toList(),
                    result.value("report").replace("\\n", "\n"));
        }
        for (int run = 0; run < RUNS; run++) {
            ChildJvm.Result result = runs.get(run);
            assertThat(result.value("verdict")).as(result.output()).isEqualTo("LEAK");
            assertThat(result.value("topFrame")).as(result.output()).startsWith(expected.frame());
            assertThat(result.value("topHoldersReal")).as(result.output()).isEqualTo("true");
            assertThat(result.value("topContainer")).as(result.output()).isEqualTo(expected.container());
            assertThat(result.value("topChain")).as(result.output()).contains(expected.holdsIt())
                    .doesNotContain("static " + expected.holdsIt());
            if (!(expected.mayHaveNone() && result.value("topSuspect").isEmpty())) {
                assertThat(result.value("topSuspect")).as(result.output()).startsWith(expected.suspect());
            }

            RecordingAnalysis offline = offlines.get(run);
            assertThat(offline.analysis().verdict()).as(offline.analysis().reason()).isEqualTo(Verdict.LEAK);
            LeakCandidate top = offline.analysis().topCandidate();
            assertThat(top.referenceChain()).allSatisfy(step -> assertThat(!step.isStatic()
                    || step.holderType().equals("java.lang.Class")).as(step.toString()).isTrue());
            assertThat(top.referenceChain()).extracting(ReferenceStep::describe).isNotEmpty();
            // Offline, the whole recording (snapshots after the LEAK too) may rank another sample of the same leak
            // first (seen once in three Tomcat runs); the live candidate must still be among its candidates.
            assertThat(offline.analysis().candidates()).extracting(LeakCandidate::fingerprint)
                    .as(offline.analysis().reason()).contains(result.value("topFingerprint"));
            // Each misnamed field the monitor resolved is in its evidence, for readers without the library's
            // classes (JDK 17 misnames Tomcat's inherited StandardManager.sessions; JDK 25 names it).
            List<String> recorded = recordedFieldNames(work.resolve("run" + run).resolve("leakwatch"));
            assertThat(top.referenceChain()).filteredOn(step -> step.isMisnamed() && step.fieldName() != null)
                    .allSatisfy(step -> assertThat(recorded).as(step.toString())
                            .contains(step.holderType() + "." + step.fieldName()));
        }
        System.out.printf("%s fingerprints: %s%n", expected.scenario(), fingerprints);
        assertThat(fingerprints).as("one leak, three runs: one fingerprint").containsOnly(fingerprints.get(0));
    }

    /** The {@code leakwatch.FieldName} events of a monitor's evidence, as {@code holderType.field}. */
    private static List<String> recordedFieldNames(Path directory) throws Exception {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jfr")).toList()) {
                for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                    if (event.getEventType().getName().equals(FieldNameEvent.NAME)) {
                        names.add(event.getString("holderType") + "." + event.getString("field"));
                    }
                }
            }
        }
        return names;
    }

    private static ChildJvm.Result run(Path work, String scenario) throws Exception {
        List<String> options = new ArrayList<>(ChildJvm.FAST_MONITOR);
        options.add("-Dleakwatch.dir=" + work.resolve("leakwatch"));
        ChildJvm.Result result = ChildJvm.run(work, options, ZooRunner.class.getName(),
                List.of(scenario, Long.toString(SECONDS), "until-leak"), Duration.ofSeconds(SECONDS + 90));
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result;
    }
}
