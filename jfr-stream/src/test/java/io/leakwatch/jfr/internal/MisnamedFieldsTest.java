package io.leakwatch.jfr.internal;

import io.leakwatch.jfr.events.FieldNameEvent;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MisnamedFieldsTest {
    private static final String HOLDER = ChainShapes.class.getName() + "$Holder";
    private static final String REFERENT = "java.util.ArrayList";

    @Test
    void theMonitorRecordsEachNameItResolvesAndAgainAfterAMinuteForReadersWithoutTheClasses(@TempDir Path work)
            throws Exception {
        long[] now = {0};
        MisnamedFields monitor = new MisnamedFields(true, FieldNameEvent::commit, () -> now[0]);
        Path file = recordFieldNames(work.resolve("names.jfr"), () -> {
            assertThat(monitor.instanceField(HOLDER, REFERENT)).isEqualTo("inherited");
            assertThat(monitor.instanceField(HOLDER, REFERENT)).isEqualTo("inherited");
            now[0] += TimeUnit.SECONDS.toNanos(59);
            monitor.instanceField(HOLDER, REFERENT);
            now[0] += TimeUnit.SECONDS.toNanos(2);
            monitor.instanceField(HOLDER, REFERENT);
            // Not resolved, not recorded.
            assertThat(monitor.instanceField("com.example.NotOnTheClassPath", REFERENT)).isNull();
        });
        List<RecordedEvent> names = RecordingFile.readAllEvents(file).stream()
                .filter(event -> event.getEventType().getName().equals(FieldNameEvent.NAME)).toList();
        assertThat(names).hasSize(2).allSatisfy(event -> {
            assertThat(event.getString("holderType")).isEqualTo(HOLDER);
            assertThat(event.getString("referentType")).isEqualTo(REFERENT);
            assertThat(event.getBoolean("isStatic")).isFalse();
            assertThat(event.getString("field")).isEqualTo("inherited");
        });

        MisnamedFields reader = new MisnamedFields(false, null);
        assertThat(reader.instanceField(HOLDER, REFERENT)).isNull();
        new FieldNameHandler(reader).accept(names.get(0));
        assertThat(reader.instanceField(HOLDER, REFERENT)).isEqualTo("inherited");
        assertThat(reader.staticField(HOLDER, REFERENT)).isNull();
    }

    @Test
    void onlyARecordingWhoseMetadataDeclaresTheEventIsReadForNames(@TempDir Path work) throws Exception {
        Path file = recordFieldNames(work.resolve("declared.jfr"),
                () -> new MisnamedFields(true, FieldNameEvent::commit).instanceField(HOLDER, REFERENT));
        ChunkLayout layout = ChunkLayout.of(file);
        assertThat(layout.declares(file, FieldNameEvent.NAME)).isTrue();
        assertThat(layout.declares(file, "jdk.GarbageCollection")).isTrue();
        assertThat(layout.declares(file, "leakwatch.NoSuchEvent")).isFalse();
    }

    @Test
    void aReaderNeverRecordsNames(@TempDir Path work) throws Exception {
        Path file = recordFieldNames(work.resolve("none.jfr"),
                () -> assertThat(new MisnamedFields(true, null).instanceField(HOLDER, REFERENT))
                        .isEqualTo("inherited"));
        assertThat(RecordingFile.readAllEvents(file)).noneMatch(event -> event.getEventType().getName()
                .equals(FieldNameEvent.NAME));
    }

    /** Runs {@code body} in a recording of field-name events, written to {@code file}. */
    private static Path recordFieldNames(Path file, Runnable body) throws Exception {
        try (Recording recording = new Recording()) {
            recording.enable(FieldNameEvent.class);
            recording.start();
            body.run();
            recording.stop();
            recording.dump(file);
        }
        return file;
    }
}
