package io.leakwatch.jfr.internal;

import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.consumer.EventStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class FlushOrderTest {
    @Name("leakwatch.test.Ordered")
    static final class Ordered extends Event {
        int sequence;
    }

    /**
     * An event ended first but committed last is written after the other (one thread's buffer keeps commit order):
     * an unordered stream hands it over second, the flush order first, as an ordered stream would.
     */
    @Test
    void handsEachFlushOverByEndTime(@TempDir Path directory) throws Exception {
        Path file = record(directory.resolve("ordered.jfr"), () -> {
            Ordered endedFirst = event(1);
            endedFirst.end();
            long ended = System.nanoTime();
            while (System.nanoTime() - ended < 100_000) {
                Thread.onSpinWait(); // so that the two end times differ whatever the clock's resolution
            }
            Ordered endedSecond = event(2);
            endedSecond.commit();
            endedFirst.commit();
        });

        List<Integer> asRead = new ArrayList<>();
        read(file, (stream, order) -> stream.onEvent("leakwatch.test.Ordered",
                event -> asRead.add(event.getInt("sequence"))));
        List<Integer> ordered = new ArrayList<>();
        List<Integer> flushOfEach = new ArrayList<>();
        int[] flushes = {0};
        List<RuntimeException> errors = new ArrayList<>();
        read(file, (stream, order) -> {
            stream.onEvent("leakwatch.test.Ordered", order.deferring(event -> {
                ordered.add(event.getInt("sequence"));
                flushOfEach.add(flushes[0]);
            }));
            stream.onFlush(() -> {
                order.dispatch(errors::add);
                flushes[0]++;
            });
        });

        // The JVM may flush its buffers between the two commits (it does about once a second): then each event is
        // its own flush's, and no flush has two to order.
        assumeThat(flushOfEach).as("the flush each event was read in").containsOnly(flushOfEach.get(0));
        assertThat(asRead).containsExactly(2, 1);
        assertThat(ordered).containsExactly(1, 2);
        assertThat(errors).isEmpty();
    }

    @Test
    void aFailingHandlerIsReportedAndTheNextEventGoesOn(@TempDir Path directory) throws Exception {
        Path file = record(directory.resolve("two.jfr"), () -> {
            event(1).commit();
            event(2).commit();
        });

        List<Integer> handled = new ArrayList<>();
        List<RuntimeException> errors = new ArrayList<>();
        read(file, (stream, order) -> {
            stream.onEvent("leakwatch.test.Ordered", order.deferring(event -> {
                int sequence = event.getInt("sequence");
                if (sequence == 1) {
                    throw new IllegalStateException("handler failed on " + sequence);
                }
                handled.add(sequence);
            }));
            stream.onFlush(() -> order.dispatch(errors::add));
        });

        assertThat(handled).containsExactly(2);
        assertThat(errors).singleElement().extracting(Throwable::getMessage).isEqualTo("handler failed on 1");
    }

    /** A recording of the events {@code commits} commits, dumped to {@code file}. */
    private static Path record(Path file, Runnable commits) throws Exception {
        try (Recording recording = new Recording()) {
            recording.enable(Ordered.class);
            recording.start();
            commits.run();
            recording.stop();
            recording.dump(file);
        }
        return file;
    }

    private static Ordered event(int sequence) {
        Ordered event = new Ordered();
        event.sequence = sequence;
        event.begin();
        return event;
    }

    private interface Registration {
        void on(EventStream stream, FlushOrder order);
    }

    private static void read(Path file, Registration registration) throws Exception {
        try (EventStream stream = EventStream.openFile(file)) {
            stream.setOrdered(false);
            stream.setReuse(false);
            registration.on(stream, new FlushOrder());
            stream.start();
        }
    }
}
