package io.leakwatch.jfr.internal;

/**
 * Turns the JVM's type names ({@code [J}, {@code [Ljava.lang.Object;}, {@code [[B}) into Java notation
 * ({@code long[]}, {@code java.lang.Object[]}, {@code byte[][]}). Names already in Java notation are returned as
 * they are.
 */
final class JavaTypeName {
    private JavaTypeName() {
    }

    static String of(String name) {
        if (name == null || name.isEmpty() || name.charAt(0) != '[') {
            return name;
        }
        int dimensions = 0;
        while (dimensions < name.length() && name.charAt(dimensions) == '[') {
            dimensions++;
        }
        String element = switch (name.charAt(Math.min(dimensions, name.length() - 1))) {
            case 'Z' -> "boolean";
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'F' -> "float";
            case 'D' -> "double";
            case 'L' -> name.substring(dimensions + 1, name.endsWith(";") ? name.length() - 1 : name.length());
            default -> name.substring(dimensions);
        };
        return element + "[]".repeat(dimensions);
    }
}
