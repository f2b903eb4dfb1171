package io.leakwatch.jfr.internal;

import io.leakwatch.jfr.events.FieldNameEvent;
import jdk.jfr.Recording;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedEvent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The registry of handlers: every JFR event type the analysis reads, each with its handler. All collectors are
 * covered by the same set (each collector writes {@code jdk.GarbageCollection} and {@code jdk.GCHeapSummary};
 * {@code jdk.G1GarbageCollection} only adds the G1 type), so nothing has to be chosen per collector, and events of a
 * collector not in use cost nothing. The monitor enables each handler's event with the handler's own settings
 * ({@link #enableOn}); the file reader only registers the handlers ({@link #registerOn}).
 */
public final class EventHandlers {
    private final List<EventHandler> handlers;
    private final FieldNameHandler fieldNames;

    /**
     * The monitor's handlers: they leave object descriptions out, and commit the names of the fields the JVM
     * misnamed that this JVM resolves, for readers of the recording elsewhere ({@link MisnamedFields}).
     *
     * @param offStream runs an event's commit on another thread than the stream's, whose commits JFR does not record
     */
    public static EventHandlers forMonitor(AnalyzerFeed feed, Consumer<Runnable> offStream) {
        return new EventHandlers(feed, false, event -> offStream.accept(event::commit));
    }

    /**
     * A reader's handlers.
     *
     * @param includeValues whether old-object samples keep the JVM's description of the object
     */
    public EventHandlers(AnalyzerFeed feed, boolean includeValues) {
        this(feed, includeValues, null);
    }

    private EventHandlers(AnalyzerFeed feed, boolean includeValues, Consumer<FieldNameEvent> recordFieldNames) {
        MisnamedFields misnamed = new MisnamedFields(true, recordFieldNames);
        this.fieldNames = new FieldNameHandler(misnamed);
        this.handlers = List.of(new GarbageCollectionHandler(feed), new G1GarbageCollectionHandler(feed),
                new GcHeapSummaryHandler(feed), new GcHeapConfigurationHandler(feed),
                new OldObjectSampleHandler(feed, includeValues, misnamed), fieldNames,
                new ObjectAllocationSampleHandler(feed),
                new HeapInspectionHandler(feed), new ClassHistogramEntryHandler(feed),
                // The kinds outside the heap.
                new MetaspaceSummaryHandler(feed), new UnsignedLongFlagHandler(feed),
                new ClassLoadingStatisticsHandler(feed), new ClassDefineHandler(feed),
                new ClassUnloadHandler(feed), new JavaThreadStatisticsHandler(feed), new ThreadStartHandler(feed),
                new ThreadEndHandler(feed), new DirectBufferStatisticsHandler(feed), new MethodTraceHandler(feed),
                new NativeMemoryUsageHandler(feed));
    }

    /** The names of the event types read. */
    public List<String> eventNames() {
        return handlers.stream().map(EventHandler::eventName).toList();
    }

    /**
     * Enables in a recording the handlers' event types that the evidence plan of this JVM's collector asks for, with
     * the settings each handler declares; those that declare {@link EventSettingsSpec#OFF} are left to the recordings
     * that need them.
     */
    public void enableOn(Recording recording) {
        enableOn(recording, EvidencePlan.forThisJvm());
    }

    /** Enables the event types a plan asks for, as {@link #enableOn(Recording)} does. */
    void enableOn(Recording recording, EvidencePlan plan) {
        for (EventHandler handler : handlers) {
            if (plan.enables(handler.eventName()) && !handler.settings().off()) {
                handler.settings().applyTo(recording.enable(handler.eventName()));
            }
        }
    }

    /**
     * Registers every handler on a stream. A stream with handlers for named event types only parses those types,
     * which is what makes offline reading fast (DESIGN.md fact 11).
     */
    public void registerOn(EventStream stream) {
        for (EventHandler handler : handlers) {
            stream.onEvent(handler.eventName(), handler::accept);
        }
    }

    /**
     * Registers every handler on an unordered stream, each through {@code order}, which hands the events of a flush
     * to them by end time once the flush has ended.
     */
    void registerOn(EventStream stream, FlushOrder order) {
        for (EventHandler handler : handlers) {
            stream.onEvent(handler.eventName(), order.deferring(handler::accept));
        }
    }

    /**
     * Reads the field names a recording holds ({@link FieldNameEvent}) before its samples are read: the monitor
     * commits a name after the first samples that needed it, so read in order, those would stay unnamed. Only a file
     * whose metadata declares the event is read for it ({@link ChunkLayout#declares}; a plain JFR recording is not),
     * and only when every chunk is sound and finished: {@code EventStream} would wait forever for the rest of an
     * unfinished one, which the reading proper reads from a copy. A file that cannot be read here is left to the
     * reading proper, which says why; its misnamed fields then stay unnamed.
     */
    public void learnFieldNames(Path file, ChunkLayout layout) {
        boolean sound = !layout.truncated()
                && layout.chunks().stream().allMatch(chunk -> chunk.defect() == null && !chunk.unfinished());
        if (!sound || !layout.declares(file, fieldNames.eventName())) {
            return;
        }
        try (EventStream stream = EventStream.openFile(file)) {
            stream.onEvent(fieldNames.eventName(), fieldNames::accept);
            stream.onError(e -> { }); // a malformed event is the reading proper's to report
            stream.start();
        } catch (IOException e) {
            // reported by the reading proper
        } catch (RuntimeException | Error e) {
            // The JDK's parser throws InternalError on some malformed chunks (an emptied constant pool): also the
            // reading proper's to report, with the chunk it was in.
            ParserFailures.rethrowIfFatal(e);
        }
    }

    /** Registers every handler on a stream; an event {@code admit} refuses is not handed to its handler. */
    public void registerOn(EventStream stream, Predicate<RecordedEvent> admit) {
        for (EventHandler handler : handlers) {
            stream.onEvent(handler.eventName(), event -> {
                if (admit.test(event)) {
                    handler.accept(event);
                }
            });
        }
    }
}
