package io.leakwatch.jfr.internal;

import io.leakwatch.core.ObjectSample;
import io.leakwatch.core.ReferenceStep;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jdk.OldObjectSample}: a sampled object that is still alive, with its allocation stack and, when the
 * emission asked for it, its path to a GC root (DESIGN.md facts 1–4). Object descriptions, which can hold string
 * contents, are read only when asked for; the descriptions of {@code java.lang.Class} holders, which name the class
 * that owns a static field, always are.
 *
 * <p>Each step of a chain is decoded by what its holder is, not only by the field the JVM named, which can be
 * another at the same offset ({@link MisnamedFields}): a field the JVM calls static is static only when its holder
 * is a {@code java.lang.Class}; on any other object it is an instance field, and the walk goes on to the root. An
 * instance field of a {@code java.lang.Class} that {@code Class} does not declare is a static field of the class it
 * describes. The walk ends at the first static field: beyond it lie only the class and its loader (fact 4).
 */
final class OldObjectSampleHandler implements EventHandler {
    static final String NAME = "jdk.OldObjectSample";
    /** Longer chains lose their middle (a linked list's nodes, mostly); most paths to a root are a few dozen steps. */
    static final int MAX_CHAIN = 128;
    private static final int MAX_READ = 4096;
    private static final String CLASS_NAME_PREFIX = "Class Name: ";
    private static final String CLASS = "java.lang.Class";

    private final AnalyzerFeed feed;
    private final boolean includeValues;
    private final MisnamedFields misnamed;

    /**
     * @param includeValues whether to read the object's description, which can hold application data
     * @param misnamed      names the fields the JVM misnamed
     */
    OldObjectSampleHandler(AnalyzerFeed feed, boolean includeValues, MisnamedFields misnamed) {
        this.feed = feed;
        this.includeValues = includeValues;
        this.misnamed = misnamed;
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
                RecordedFrames.of(event.getStackTrace()), chain(object, misnamed), root(event.getValue("root")),
                includeValues && object != null ? object.getString("description") : ""));
    }

    /** The chain of holders from a sampled object towards its root, nearest first, each step decoded exactly. */
    static List<ReferenceStep> chain(RecordedObject object, MisnamedFields misnamed) {
        List<ReferenceStep> chain = new ArrayList<>();
        RecordedObject reference = object == null ? null : object.getValue("referrer");
        String referentType = object == null ? null : typeName(object);
        // The JVM bounds a chain itself (about a hundred steps from the object and a hundred from the root, with
        // the middle left out); this only guards against a malformed file.
        while (reference != null && chain.size() < MAX_READ) {
            RecordedObject holder = reference.getValue("object");
            if (holder == null) {
                break;
            }
            ReferenceStep step = step(holder, reference, referentType, misnamed);
            chain.add(step);
            if (step.isStatic()) {
                break; // the static field holds the chain; beyond it lie only the class and its loader (fact 4)
            }
            referentType = step.holderType();
            reference = holder.getValue("referrer");
        }
        return withoutMiddle(chain);
    }

    private static ReferenceStep step(RecordedObject holder, RecordedObject reference, String referentType,
                                      MisnamedFields misnamed) {
        String holderType = typeName(holder);
        RecordedObject field = reference.getValue("field");
        RecordedObject array = reference.getValue("array");
        int index = array == null ? -1 : array.getInt("index");
        int size = array == null ? -1 : array.getInt("size");
        int skipped = Math.max(0, reference.getInt("skip"));
        if (field == null) {
            return new ReferenceStep(holderType, null, false, null, index, size, skipped);
        }
        String name = field.getString("name");
        boolean namedStatic = Modifier.isStatic(field.getShort("modifiers"));
        boolean classHolder = CLASS.equals(holderType);
        if (namedStatic && !classHolder) {
            // Only a Class object holds static fields: this is an instance field at the offset of that static one.
            return new ReferenceStep(holderType, misnamed.instanceField(holderType, referentType), false, null, index,
                    size, skipped, name);
        }
        String described = classHolder ? describedClass(holder) : null;
        if (!namedStatic && classHolder && described != null && !CLASS.equals(described)
                && !MisnamedFields.isClassField(name)) {
            // Class declares no such field: a static field of the class described, at the offset of that one.
            return new ReferenceStep(holderType, misnamed.staticField(described, referentType), true, described,
                    index, size, skipped, name);
        }
        String owner = namedStatic ? (described != null ? described : holderType) : null;
        return new ReferenceStep(holderType, name, namedStatic, owner, index, size, skipped);
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

    /** The class a {@code java.lang.Class} holder stands for, from its description, or null. */
    private static String describedClass(RecordedObject holder) {
        String description = holder.getString("description");
        if (description != null && description.startsWith(CLASS_NAME_PREFIX)) {
            return JavaTypeName.of(description.substring(CLASS_NAME_PREFIX.length()).trim());
        }
        return null;
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
