package io.leakwatch.jfr.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The real name of a field that reference chains pass through and that the JVM's leak profiler named as another
 * field at the same offset, as Leakwatch resolved it in the JVM whose classes it could see. Committed once per
 * holder, referent and kind of field, so that a reader of the recording elsewhere, without the application's
 * classes, names the field (and so the leak's fingerprint) as the monitor did.
 */
@Name(FieldNameEvent.NAME)
@Label("Resolved Field Name")
@Category("Leakwatch")
@Description("The field a reference chain really passes through, where the JVM named another at the same offset")
@StackTrace(false)
public final class FieldNameEvent extends jdk.jfr.Event {
    /** The event's name in recordings. */
    public static final String NAME = "leakwatch.FieldName";

    /** The class of the object that holds the reference (the field may be inherited), or that declares a static. */
    @Label("Holder Type")
    public String holderType;

    /** The type of the object the reference points to. */
    @Label("Referent Type")
    public String referentType;

    /** Whether the field is static. */
    @Label("Static")
    public boolean isStatic;

    /** The field's name. */
    @Label("Field")
    public String field;
}
