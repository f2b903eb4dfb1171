package io.leakwatch.jfr.internal;

import io.leakwatch.core.ReferenceStep;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chains as the JVM writes them, from a child JVM running {@link ChainShapes}, decoded step by step. What is asserted
 * holds for whichever objects the sampler picked: every chain of a structure reaches that structure's static field
 * through real references, whatever field the JVM named at each step.
 */
class ChainDecodingTest {
    private static final String SHAPES = ChainShapes.class.getName();
    @TempDir
    static Path work;
    private static final List<RecordedEvent> samples = new ArrayList<>();

    /**
     * Runs in which the JVM sampled none of a structure's arrays, or only ones without a path to a root, happen
     * (seen once in a few runs; for the 30,000-link list, whose deep samples the JVM's path search leaves without a
     * chain, four such runs in a row once, in a module run on a quiet machine); then again.
     */
    private static final int ATTEMPTS = 8;

    @BeforeAll
    static void recordInChildJvms() throws Exception {
        Map<String, Integer> lengths = Map.of("inherited", ChainShapes.INHERITED_LENGTH, "static",
                ChainShapes.STATIC_LENGTH, "linked", ChainShapes.LINKED_LENGTH);
        for (Map.Entry<String, Integer> structure : lengths.entrySet()) {
            List<RecordedEvent> found = List.of();
            for (int attempt = 0; attempt < ATTEMPTS && found.isEmpty(); attempt++) {
                found = record(structure.getKey()).stream()
                        .filter(event -> event.getInt("arrayElements") == structure.getValue()).toList();
                if (found.stream().allMatch(event -> OldObjectSampleHandler.chain(event.getValue("object"),
                        new MisnamedFields(true, null)).isEmpty())) {
                    found = List.of();
                }
            }
            samples.addAll(found);
        }
    }

    private static List<RecordedEvent> record(String structure) throws Exception {
        Path file = work.resolve(structure + ".jfr");
        Path log = work.resolve(structure + ".log");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classPath, SHAPES, structure, file.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        assertThat(child.exitValue()).as(Files.readString(log, StandardCharsets.UTF_8)).isZero();
        List<RecordedEvent> events = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (event.getEventType().getName().equals(OldObjectSampleHandler.NAME)) {
                events.add(event);
            }
        }
        return events;
    }

    private static List<List<ReferenceStep>> chainsOf(int arrayLength, boolean resolve) {
        List<List<ReferenceStep>> chains = new ArrayList<>();
        for (RecordedEvent event : samples) {
            if (event.getInt("arrayElements") == arrayLength) {
                RecordedObject object = event.getValue("object");
                List<ReferenceStep> chain = OldObjectSampleHandler.chain(object, new MisnamedFields(resolve, null));
                if (!chain.isEmpty()) {
                    chains.add(chain);
                }
            }
        }
        assertThat(chains).as("chains of the sampled byte[%d]", arrayLength).isNotEmpty();
        return chains;
    }

    @Test
    void anInheritedInstanceFieldIsAnInstanceFieldAndTheChainGoesOnToTheStaticThatHoldsItsObject() {
        for (List<ReferenceStep> chain : chainsOf(ChainShapes.INHERITED_LENGTH, true)) {
            assertThat(ReferenceStep.describe(chain)).as(chain.toString()).endsWith("ArrayList.elementData",
                    "ChainShapes$Holder.inherited", "static ChainShapes.INHERITED");
        }
    }

    @Test
    void aMisnamedFieldThatCannotBeResolvedIsShownAsAFieldOfItsHolderNeverAsAStatic() {
        for (List<ReferenceStep> chain : chainsOf(ChainShapes.INHERITED_LENGTH, false)) {
            ReferenceStep holder = chain.get(chain.size() - 2);
            assertThat(holder.holderType()).isEqualTo(SHAPES + "$Holder");
            assertThat(holder.isStatic()).isFalse();
            assertThat(holder.describe()).as(chain.toString()).isIn("ChainShapes$Holder.inherited",
                    "ChainShapes$Holder.<a field at the offset of static " + holder.jvmFieldName() + ">");
            assertThat(chain.get(chain.size() - 1).describe()).isEqualTo("static ChainShapes.INHERITED");
        }
    }

    @Test
    void aReaderThatCannotLoadTheHolderNamesTheFieldAsTheRecordingSays() {
        // What the reports read: a recording whose FieldName event carries the monitor's resolution.
        for (RecordedEvent event : samples) {
            if (event.getInt("arrayElements") == ChainShapes.INHERITED_LENGTH) {
                MisnamedFields learnt = new MisnamedFields(false, null);
                learnt.learn(SHAPES + "$Holder", "java.util.ArrayList", false, "inherited");
                List<ReferenceStep> chain = OldObjectSampleHandler.chain(event.getValue("object"), learnt);
                if (!chain.isEmpty()) {
                    assertThat(ReferenceStep.describe(chain)).as(chain.toString()).endsWith("ArrayList.elementData",
                            "ChainShapes$Holder.inherited", "static ChainShapes.INHERITED");
                }
            }
        }
    }

    @Test
    void aStaticFieldTheJvmNamedAsAnInstanceFieldOfItsClassIsThatStaticField() {
        for (List<ReferenceStep> chain : chainsOf(ChainShapes.STATIC_LENGTH, true)) {
            ReferenceStep last = chain.get(chain.size() - 1);
            assertThat(ReferenceStep.describe(chain)).as(chain.toString()).endsWith("ArrayList.elementData",
                    "static ChainShapes$ManyFields.STATIC_LIST");
            assertThat(last.isStatic()).isTrue();
            assertThat(last.staticOwner()).isEqualTo(SHAPES + "$ManyFields");
        }
    }

    @Test
    void onlyClassObjectsHoldStaticFields() {
        for (int length : List.of(ChainShapes.INHERITED_LENGTH, ChainShapes.STATIC_LENGTH, ChainShapes.LINKED_LENGTH)) {
            for (List<ReferenceStep> chain : chainsOf(length, false)) {
                assertThat(chain).filteredOn(ReferenceStep::isStatic)
                        .allSatisfy(step -> assertThat(step.holderType()).isEqualTo("java.lang.Class"))
                        .hasSizeLessThanOrEqualTo(1);
                assertThat(chain.get(chain.size() - 1).isStatic()).as(chain.toString()).isTrue();
            }
        }
    }

    @Test
    void aLongLinkedListReadsAsOneRunOfLinksUpToItsStaticFieldWhereverTheJvmLeftItsMiddleOut() {
        for (List<ReferenceStep> chain : chainsOf(ChainShapes.LINKED_LENGTH, true)) {
            List<String> lines = ReferenceStep.describe(chain);
            assertThat(lines.get(0)).isEqualTo("ChainShapes$Node.value");
            assertThat(lines.get(lines.size() - 1)).isEqualTo("static ChainShapes.deep");
            assertThat(lines.subList(1, lines.size() - 1)).as(lines.toString())
                    .allMatch(line -> line.startsWith("ChainShapes$Node"));
        }
    }
}
