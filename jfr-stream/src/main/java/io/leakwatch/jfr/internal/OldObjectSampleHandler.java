package io.leakwatch.jfr.internal;

import io.leakwatch.core.ObjectSample;
import io.leakwatch.core.ReferenceStep;
import io.leakwatch.core.StackFrame;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedStackTrace;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jdk.OldObjectSample}: a sampled object that is still alive, with its allocation stack and, when the
 * emission asked for it, its path to a GC root (DESIGN.md facts 1–4). Object descriptions, which can hold string
 * contents, are read only when asked for; the descriptions of {@code java.lang.Class} holders, which name the class
 * that owns a static field, always are.
 */
final class OldObjectSampleHandler implements EventHandler {
    static final String NAME = "jdk.OldObjectSample";
    /** Longer chains lose their middle (a linked list's nodes, mostly); most paths to a root are a few dozen steps. */
    static final int MAX_CHAIN = 128;
    private static final int MAX_READ = 4096;
    private static final String CLASS_NAME_PREFIX = "Class Name: ";

    private final AnalyzerFeed feed;
    private final boolean includeValues;

    /** @param includeValues whether to read the object's description, which can hold application data */
    OldObjectSampleHandler(AnalyzerFeed feed, boolean includeValues) {
        this.feed = feed;
        this.includeValues = includeValues;
    }

    @Override
    public String eventName() {
        return NAME;
    }

    /**
     * Enabled from the start of the recording, since the sampler only covers objects allocated while some recording
     * has it on (DESIGN.md fact 2), with allocation stacks; cutoff 0, since the periodic snapshots take no chains
     * and then cost 1-3 ms (fact 3). Chain snapshots ask for chains with a short recording of their own.
     */
    @Override
    public EventSettingsSpec settings() {
        return EventSettingsSpec.DEFAULTS.with("cutoff", "0 ns").withStackTrace();
    }

    @Override
    public void accept(RecordedEvent event) {
        RecordedObject object = event.getValue("object");
        String type = object == null ? "unknown" : typeName(object);
        long address = object == null ? 0 : object.getLong("address");
        int arrayElements = event.getInt("arrayElements");
        long size = event.hasField("objectSize") ? event.getLong("objectSize") : -1;
        feed.sample(new ObjectSample(type, address, event.getInstant("allocationTime"), event.getEndTime(), size,
                arrayElements == Integer.MIN_VALUE ? -1 : arrayElements, event.getLong("lastKnownHeapUsage"),
                frames(event.getStackTrace()), chain(object), root(event.getValue("root")),
                includeValues && object != null ? object.getString("description") : ""));
    }

    private static List<StackFrame> frames(RecordedStackTrace stackTrace) {
        if (stackTrace == null) {
            return List.of();
        }
        List<StackFrame> frames = new ArrayList<>();
        for (RecordedFrame frame : stackTrace.getFrames()) {
            if (frame.getMethod() == null || frame.getMethod().getType() == null) {
                continue;
            }
            frames.add(new StackFrame(JavaTypeName.of(frame.getMethod().getType().getName()),
                    frame.getMethod().getName(), frame.getLineNumber()));
        }
        return frames;
    }

    private static List<ReferenceStep> chain(RecordedObject object) {
        List<ReferenceStep> chain = new ArrayList<>();
        RecordedObject reference = object == null ? null : object.getValue("referrer");
        // The JVM bounds a chain itself (about a hundred steps from the object and a hundred from the root, with
        // the middle left out); this only guards against a malformed file.
        while (reference != null && chain.size() < MAX_READ) {
            RecordedObject holder = reference.getValue("object");
            if (holder == null) {
                break;
            }
            String holderType = typeName(holder);
            RecordedObject field = reference.getValue("field");
            RecordedObject array = reference.getValue("array");
            String fieldName = field == null ? null : field.getString("name");
            boolean isStatic = field != null && Modifier.isStatic(field.getShort("modifiers"));
            String owner = isStatic ? staticOwner(holder) : null;
            chain.add(new ReferenceStep(holderType, fieldName, isStatic, owner,
                    array == null ? -1 : array.getInt("index"), array == null ? -1 : array.getInt("size"),
                    Math.max(0, reference.getInt("skip"))));
            if (isStatic) {
                break; // the static field holds the chain; beyond it lie only the class and its loader (fact 4)
            }
            reference = holder.getValue("referrer");
        }
        return withoutMiddle(chain);
    }

    /**
     * A chain of at most {@link #MAX_CHAIN} steps: both ends matter (what the object is, and which collection and
     * static field hold it), so a longer one loses its middle, which becomes one step that says how many it left out.
     */
    static List<ReferenceStep> withoutMiddle(List<ReferenceStep> chain) {
        if (chain.size() <= MAX_CHAIN) {
            return chain;
        }
        int keep = MAX_CHAIN / 2;
        List<ReferenceStep> middle = chain.subList(keep, chain.size() - keep + 1);
        int leftOut = 0;
        for (ReferenceStep step : middle) {
            leftOut += 1 + step.skipped();
        }
        ReferenceStep last = middle.get(middle.size() - 1);
        List<ReferenceStep> result = new ArrayList<>(chain.subList(0, keep));
        result.add(new ReferenceStep(last.holderType(), null, false, null, -1, -1, leftOut - 1));
        result.addAll(chain.subList(chain.size() - keep + 1, chain.size()));
        return result;
    }

    /** For a static field the holder is the {@code java.lang.Class}; its description names the class. */
    private static String staticOwner(RecordedObject holder) {
        String description = holder.getString("description");
        if (description != null && description.startsWith(CLASS_NAME_PREFIX)) {
            return JavaTypeName.of(description.substring(CLASS_NAME_PREFIX.length()).trim());
        }
        return typeName(holder);
    }

    private static String typeName(RecordedObject object) {
        RecordedClass type = object.getClass("type");
        return type == null ? "unknown" : JavaTypeName.of(type.getName());
    }

    private static String root(RecordedObject root) {
        if (root == null) {
            return "";
        }
        String system = root.getString("system");
        String type = root.getString("type");
        if (system == null && type == null) {
            return "";
        }
        return (system == null ? "" : system) + (system != null && type != null ? " / " : "")
                + (type == null ? "" : type);
    }
}
