package io.leakwatch.jfr.fuzz;

import org.openjdk.jmc.flightrecorder.writer.api.Recording;
import org.openjdk.jmc.flightrecorder.writer.api.Recordings;
import org.openjdk.jmc.flightrecorder.writer.api.Type;
import org.openjdk.jmc.flightrecorder.writer.api.TypedValue;
import org.openjdk.jmc.flightrecorder.writer.api.Types;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Recordings written by JDK Mission Control's pure-Java JFR writer ({@code org.openjdk.jmc:flightrecorder.writer}),
 * the kind of writer profilers and agents that are not HotSpot build on. It declares only the types it is given,
 * so its recordings are a few kilobytes: small seeds for the structure fuzzer, with pools of classes, symbols,
 * methods, stack traces and threads like HotSpot's. Like pid1.jfr of shared/corpus, it leaves the implicit
 * {@code eventThread} field of its events unset, which the JDK's parser can only read as the wrong type.
 */
public final class JmcWriterRecordings {
    private static final long TICKS_PER_MS = 1_000_000;

    private JmcWriterRecordings() {
    }

    /**
     * Full collections whose heap after GC grows by 8 MB each time, with their heap summaries, and old-object
     * samples of {@code byte[]} allocated in {@code Cache.put}.
     */
    public static Path growingHeap(Path file, int collections) throws IOException {
        try (Recording recording = Recordings.newRecording(file, settings -> settings.withJdkTypeInitialization())) {
            Type gc = recording.registerEventType("jdk.GarbageCollection", type -> type
                    .addField("duration", Types.Builtin.LONG, timespan())
                    .addField("gcId", Types.Builtin.INT)
                    .addField("name", Types.Builtin.STRING)
                    .addField("cause", Types.Builtin.STRING)
                    .addField("sumOfPauses", Types.Builtin.LONG, timespan()));
            Type space = recording.registerType("jdk.types.VirtualSpace", type -> type
                    .addField("start", Types.Builtin.LONG)
                    .addField("committedEnd", Types.Builtin.LONG)
                    .addField("committedSize", Types.Builtin.LONG)
                    .addField("reservedEnd", Types.Builtin.LONG)
                    .addField("reservedSize", Types.Builtin.LONG));
            Type summary = recording.registerEventType("jdk.GCHeapSummary", type -> type
                    .addField("gcId", Types.Builtin.INT)
                    .addField("when", Types.Builtin.STRING)
                    .addField("heapSpace", space)
                    .addField("heapUsed", Types.Builtin.LONG));
            Type oldObject = recording.registerType("jdk.types.OldObject", type -> type
                    .addField("address", Types.Builtin.LONG)
                    .addField("type", Types.JDK.CLASS)
                    .addField("description", Types.Builtin.STRING));
            Type sample = recording.registerEventType("jdk.OldObjectSample", type -> type
                    .addField("duration", Types.Builtin.LONG, timespan())
                    .addField("allocationTime", Types.Builtin.LONG,
                            field -> field.addAnnotation(Types.JDK.ANNOTATION_TIMESTAMP, "TICKS"))
                    .addField("lastKnownHeapUsage", Types.Builtin.LONG)
                    .addField("object", oldObject)
                    .addField("arrayElements", Types.Builtin.INT));
            Type byteArray = recording.getType(Types.JDK.CLASS);
            Type frame = recording.getType(Types.JDK.STACK_FRAME);
            Type method = recording.getType(Types.JDK.METHOD);
            Type stackTrace = recording.getType(Types.JDK.STACK_TRACE);
            long start = System.nanoTime();
            for (int i = 0; i < collections; i++) {
                long at = start + i * 1000 * TICKS_PER_MS;
                int id = i;
                recording.writeEvent(gc.asValue(event -> event.putField("startTime", at)
                        .putField("duration", 20 * TICKS_PER_MS).putField("gcId", id).putField("name", "G1Full")
                        .putField("cause", "System.gc()").putField("sumOfPauses", 18 * TICKS_PER_MS)));
                for (String when : new String[]{"Before GC", "After GC"}) {
                    long used = (when.startsWith("B") ? 200L : 40L + 8L * id) << 20;
                    recording.writeEvent(summary.asValue(event -> event.putField("startTime", at)
                            .putField("gcId", id).putField("when", when).putField("heapUsed", used)
                            .putField("heapSpace", heap -> heap.putField("committedSize", 512L << 20)
                                    .putField("reservedSize", 1024L << 20))));
                }
                recording.writeEvent(sample.asValue(event -> event.putField("startTime", at)
                        .putField("duration", 0L).putField("allocationTime", at - 500 * TICKS_PER_MS)
                        .putField("lastKnownHeapUsage", (40L + 8L * id) << 20).putField("arrayElements", 4096)
                        .putField("object", object -> object.putField("address", 0x7f000000L + id * 4096L)
                                .putField("type", byteArray.asValue(type -> type.putField("name", "[B")))
                                .putField("description", ""))
                        .putField("stackTrace", stackTrace.asValue(trace -> trace.putField("truncated", false)
                                .putField("frames", new TypedValue[]{frame.asValue(f -> f.putField("method",
                                        method.asValue(m -> m.putField("type", byteArray.asValue(c -> c.putField(
                                                "name", "com.example.Cache"))).putField("name", "put")
                                                .putField("descriptor", "(Ljava/lang/Object;)V")))
                                        .putField("lineNumber", 42).putField("bytecodeIndex", 7)
                                        .putField("type", "Interpreted"))})))));
            }
        }
        return file;
    }

    private static java.util.function.Consumer<org.openjdk.jmc.flightrecorder.writer.api.TypedFieldBuilder>
            timespan() {
        return field -> field.addAnnotation(Types.JDK.ANNOTATION_TIMESPAN, "TICKS");
    }
}
