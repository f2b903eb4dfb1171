package io.leakwatch.jfr.internal;

import io.leakwatch.jfr.events.FieldNameEvent;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Names the field a reference of a chain really goes through, where the JVM named another. HotSpot's leak profiler
 * finds a referring field by its offset, looking through the holder's class (static fields included) and then its
 * superclasses, and takes the first field at that offset: an inherited instance field comes out as a static field
 * of the subclass at the same offset ({@code static StandardManager.<a static final String>}), and a static field of
 * a class with many instance fields as one of those instance fields on its {@code java.lang.Class} (measured on JDK
 * 17 and 25; docs/ARCHITECTURE.md). The recording says which object holds the reference, so the kind of field is
 * known; its name is resolved by reflection when this JVM can load the holder's class by name (the monitor's own
 * JVM, for the application's classes; never initialised): the one field of the right kind whose type can hold the
 * referent, or of several, the one whose declared type is the most specific (a {@code Map} before an {@code Object}
 * lock). A reader elsewhere (the reports, without the application's classes) learns the names the monitor resolved
 * from the recording ({@link FieldNameEvent}, which the monitor commits for each name it resolves and again at most
 * every {@link #RECOMMIT}, so that a recording kept for its maximum age still holds the names its samples need):
 * without them, a JDK 17 Tomcat session leak had one fingerprint live and another in {@code leakwatch analyze}.
 * Otherwise the name stays unknown. Not thread-safe; one per reader.
 */
final class MisnamedFields {
    /** Distinct holders resolved are few (a chain's classes); this bounds a malformed file. */
    private static final int MAX_CACHED = 1024;
    /**
     * The fields of {@code java.lang.Class} itself, which a chain can really pass through: reflection hides two
     * of them ({@code jdk.internal.reflect.Reflection}'s field filter).
     */
    private static final Set<String> CLASS_FIELDS = classFields();

    /** A name still in use is committed again this long after it last was: the least maximum age of a recording. */
    static final Duration RECOMMIT = Duration.ofMinutes(1);

    private final boolean resolve;
    /** Commits a name's event, or null where names are not recorded (a reader). */
    private final Consumer<FieldNameEvent> record;
    private final LongSupplier nanoTime;
    private final Map<String, String> resolved = new LinkedHashMap<>();
    /** When each name found by reflection was last committed, by key. */
    private final Map<String, Long> committedAt = new HashMap<>();

    /**
     * @param resolve whether to look names up by reflection (else they stay unknown unless learnt)
     * @param record  commits the {@link FieldNameEvent} of each name found by reflection (the monitor hands it to its
     *                worker thread: JFR does not record what a stream's own thread commits); null for a reader
     */
    MisnamedFields(boolean resolve, Consumer<FieldNameEvent> record) {
        this(resolve, record, System::nanoTime);
    }

    MisnamedFields(boolean resolve, Consumer<FieldNameEvent> record, LongSupplier nanoTime) {
        this.resolve = resolve;
        this.record = record;
        this.nanoTime = nanoTime;
    }

    /** A name the recording says the monitor resolved; it is preferred to a lookup of this reader's own. */
    void learn(String holderType, String referentType, boolean isStatic, String field) {
        String key = key(holderType, referentType, isStatic);
        if (resolved.size() < MAX_CACHED || resolved.containsKey(key)) {
            resolved.put(key, field);
        }
    }

    /** Whether an instance field that a {@code java.lang.Class} refers through is one of that class's own fields. */
    static boolean isClassField(String fieldName) {
        return CLASS_FIELDS.contains(fieldName);
    }

    /** The instance field of {@code holderType} (or a superclass) that can hold a {@code referentType}, or null. */
    String instanceField(String holderType, String referentType) {
        return lookUp(holderType, referentType, false);
    }

    /** The static field declared by {@code ownerType} that can hold a {@code referentType}, or null. */
    String staticField(String ownerType, String referentType) {
        return lookUp(ownerType, referentType, true);
    }

    private String lookUp(String type, String referentType, boolean isStatic) {
        String key = key(type, referentType, isStatic);
        String name;
        if (resolved.containsKey(key)) {
            name = resolved.get(key);
        } else {
            name = resolve ? find(type, referentType, isStatic) : null;
            if (resolved.size() < MAX_CACHED) {
                resolved.put(key, name);
            }
        }
        if (record != null && name != null) {
            commit(key, type, referentType, isStatic, name);
        }
        return name;
    }

    private void commit(String key, String type, String referentType, boolean isStatic, String name) {
        long now = nanoTime.getAsLong();
        Long last = committedAt.get(key);
        if (last != null && now - last < RECOMMIT.toNanos() || last == null && committedAt.size() >= MAX_CACHED) {
            return;
        }
        committedAt.put(key, now);
        FieldNameEvent event = new FieldNameEvent();
        event.holderType = type;
        event.referentType = referentType;
        event.isStatic = isStatic;
        event.field = name;
        record.accept(event);
    }

    private static String key(String type, String referentType, boolean isStatic) {
        return (isStatic ? "static " : "") + type + "<-" + referentType;
    }

    private static String find(String type, String referentType, boolean isStatic) {
        Class<?> holder = load(type);
        Class<?> referent = load(referentType);
        if (holder == null || referent == null) {
            return null;
        }
        List<Field> fits = new ArrayList<>();
        try {
            for (Class<?> c = holder; c != null; c = isStatic ? null : c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) == isStatic && !field.getType().isPrimitive()
                            && field.getType().isAssignableFrom(referent)) {
                        fits.add(field);
                    }
                }
            }
        } catch (SecurityException | LinkageError e) {
            return null;
        }
        // Of several that could hold it, the one of the most specific declared type, when only one is: a session
        // manager's Map of sessions beside its Object locks, a cache's ConcurrentHashMap beside a ConcurrentMap.
        List<Field> specific = fits.stream().filter(field -> fits.stream().noneMatch(other -> other != field
                && other.getType() != field.getType() && field.getType().isAssignableFrom(other.getType()))).toList();
        return specific.size() == 1 ? specific.get(0).getName() : null;
    }

    /** The class of a Java type name ({@code java.util.HashMap$Node[]}), without initialising it, or null. */
    private static Class<?> load(String javaName) {
        if (javaName == null || javaName.contains("+0x") || javaName.contains("/0x") || javaName.contains("$$Lambda")) {
            return null; // hidden classes cannot be found by name
        }
        String name = binaryName(javaName);
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                ClassLoader.getSystemClassLoader()}) {
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError | SecurityException e) {
                // not visible to this loader; try the next
            }
        }
        return null;
    }

    private static String binaryName(String javaName) {
        int dimensions = 0;
        String element = javaName;
        while (element.endsWith("[]")) {
            element = element.substring(0, element.length() - 2);
            dimensions++;
        }
        if (dimensions == 0) {
            return element;
        }
        String code = switch (element) {
            case "boolean" -> "Z";
            case "byte" -> "B";
            case "char" -> "C";
            case "short" -> "S";
            case "int" -> "I";
            case "long" -> "J";
            case "float" -> "F";
            case "double" -> "D";
            default -> "L" + element + ";";
        };
        return "[".repeat(dimensions) + code;
    }

    private static Set<String> classFields() {
        Set<String> names = Arrays.stream(Class.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers())).map(Field::getName)
                .collect(Collectors.toCollection(HashSet::new));
        names.add("classLoader");
        names.add("classData");
        return Set.copyOf(names);
    }
}
