package io.leakwatch.reports.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON document (RFC 8259) into plain values: {@code Map<String, Object>} (in document order), {@code
 * List<Object>}, {@code String}, {@code Double}, {@code Boolean} and {@code null}. It is what {@code leakwatch watch}
 * needs to read the monitor's {@code analysis.json}: the whole grammar, strictly (no comments, no trailing commas, no
 * leading zeros, no control characters in strings), with the line and column of the first error. Numbers are
 * doubles: the figures of {@code analysis.json} (bytes, seconds, rates) fit a double exactly up to 2^53.
 */
final class JsonReader {
    /** Deeper than any document Leakwatch writes; a bound keeps a hostile file from overflowing the stack. */
    private static final int MAX_DEPTH = 64;

    private final String text;
    private int position;
    private int depth;

    private JsonReader(String text) {
        this.text = text;
    }

    /**
     * The document's value.
     *
     * @throws MalformedJsonException at the first character that is not valid JSON, naming its line and column
     */
    static Object read(String text) throws MalformedJsonException {
        JsonReader reader = new JsonReader(text);
        reader.skipWhitespace();
        Object value = reader.value();
        reader.skipWhitespace();
        if (reader.position < text.length()) {
            throw reader.error("unexpected '" + text.charAt(reader.position) + "' after the document's end");
        }
        return value;
    }

    /** A document that is not JSON: what was wrong, and where. */
    static final class MalformedJsonException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedJsonException(String message) {
            super(message);
        }
    }

    private Object value() throws MalformedJsonException {
        if (position >= text.length()) {
            throw error("the document ends where a value should be");
        }
        char c = text.charAt(position);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected '" + c + "' where a value should be");
            }
        };
    }

    private Map<String, Object> object() throws MalformedJsonException {
        enter();
        position++; // {
        Map<String, Object> object = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            position++;
            depth--;
            return object;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name in double quotes");
            }
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            object.put(name, value());
            skipWhitespace();
            char next = peek();
            position++;
            if (next == '}') {
                depth--;
                return Collections.unmodifiableMap(object);
            }
            if (next != ',') {
                position--;
                throw error("expected ',' or '}' in an object");
            }
        }
    }

    private List<Object> array() throws MalformedJsonException {
        enter();
        position++; // [
        List<Object> array = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            position++;
            depth--;
            return array;
        }
        while (true) {
            skipWhitespace();
            array.add(value());
            skipWhitespace();
            char next = peek();
            position++;
            if (next == ']') {
                depth--;
                return Collections.unmodifiableList(array);
            }
            if (next != ',') {
                position--;
                throw error("expected ',' or ']' in an array");
            }
        }
    }

    private String string() throws MalformedJsonException {
        position++; // "
        StringBuilder out = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw error("the document ends inside a string");
            }
            char c = text.charAt(position++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                position--;
                throw error("a control character (U+" + String.format("%04X", (int) c) + ") inside a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (position >= text.length()) {
                throw error("the document ends inside a string");
            }
            char escape = text.charAt(position++);
            switch (escape) {
                case '"', '\\', '/' -> out.append(escape);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                // A surrogate pair arrives as two escapes; appending each char rebuilds it.
                case 'u' -> out.append(hexCharacter());
                default -> {
                    position--;
                    throw error("unknown escape '\\" + escape + "' in a string");
                }
            }
        }
    }

    private char hexCharacter() throws MalformedJsonException {
        if (position + 4 > text.length()) {
            throw error("the document ends inside a \\u escape");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(position), 16);
            if (digit < 0) {
                throw error("expected four hex digits after \\u");
            }
            value = value * 16 + digit;
            position++;
        }
        return (char) value;
    }

    private Double number() throws MalformedJsonException {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        if (peek() == '0') {
            position++;
            if (Character.isDigit(peek())) {
                throw error("a number with a leading zero");
            }
        } else {
            digits("a digit");
        }
        if (peek() == '.') {
            position++;
            digits("a digit after the decimal point");
        }
        if (peek() == 'e' || peek() == 'E') {
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            digits("a digit in the exponent");
        }
        return Double.valueOf(text.substring(start, position));
    }

    private void digits(String what) throws MalformedJsonException {
        if (!isDigit(peek())) {
            throw error("expected " + what);
        }
        while (isDigit(peek())) {
            position++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) throws MalformedJsonException {
        if (!text.startsWith(word, position)) {
            throw error("unexpected '" + text.charAt(position) + "' where a value should be");
        }
        position += word.length();
        return value;
    }

    private void enter() throws MalformedJsonException {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void expect(char c) throws MalformedJsonException {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        position++;
    }

    /** The character at the position, or NUL past the end (which no rule accepts). */
    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private MalformedJsonException error(String message) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(position, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new MalformedJsonException("line " + line + ", column " + column + ": " + message);
    }
}
