package io.leakwatch.core.json;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A minimal streaming JSON writer: objects, arrays, strings, numbers, booleans and null, with two-space
 * indentation. It tracks only whether a comma is due; callers keep the nesting balanced. Not thread-safe.
 */
final class JsonWriter {
    /** Zeros {@code %.6g} pads a number with (compiled once: the monitor writes thousands of numbers a minute). */
    private static final Pattern TRAILING_ZEROS = Pattern.compile("\\.?0+(e|$)");

    private final StringBuilder out = new StringBuilder();
    private int depth;
    private boolean needsComma;

    JsonWriter beginObject() {
        return open('{');
    }

    JsonWriter endObject() {
        return close('}');
    }

    JsonWriter beginArray() {
        return open('[');
    }

    JsonWriter endArray() {
        return close(']');
    }

    JsonWriter name(String name) {
        separate();
        string(name);
        out.append(": ");
        needsComma = false;
        return this;
    }

    JsonWriter value(String value) {
        separate();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        needsComma = true;
        return this;
    }

    JsonWriter value(long value) {
        separate();
        out.append(value);
        needsComma = true;
        return this;
    }

    /** A number; NaN and infinities, which JSON cannot hold, are written as null. */
    JsonWriter value(double value) {
        separate();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            out.append("null");
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            out.append((long) value);
        } else {
            out.append(TRAILING_ZEROS.matcher(String.format(Locale.ROOT, "%.6g", value)).replaceFirst("$1"));
        }
        needsComma = true;
        return this;
    }

    JsonWriter value(boolean value) {
        separate();
        out.append(value);
        needsComma = true;
        return this;
    }

    JsonWriter nullValue() {
        separate();
        out.append("null");
        needsComma = true;
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private JsonWriter open(char bracket) {
        separate();
        out.append(bracket);
        depth++;
        needsComma = false;
        return this;
    }

    private JsonWriter close(char bracket) {
        depth--;
        if (needsComma) {
            newline();
        }
        out.append(bracket);
        needsComma = true;
        return this;
    }

    private void separate() {
        if (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            return; // right after a name
        }
        if (needsComma) {
            out.append(',');
        }
        if (depth > 0) {
            newline();
        }
    }

    private void newline() {
        out.append('\n');
        out.append("  ".repeat(depth));
    }

    private void string(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
