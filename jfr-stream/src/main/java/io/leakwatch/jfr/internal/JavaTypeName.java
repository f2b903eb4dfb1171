package io.leakwatch.jfr.internal;

import io.leakwatch.core.TypeNames;

/**
 * Turns the JVM's type names ({@code [J}, {@code [Ljava.lang.Object;}, {@code [[B}) into Java notation
 * ({@code long[]}, {@code java.lang.Object[]}, {@code byte[][]}), and a lambda's name into its stable one
 * ({@code App$$Lambda$147+0x00007fd8840cf250.931496835} into {@code App$$Lambda}: {@link TypeNames#stable}). Names
 * already in Java notation are returned as they are.
 */
final class JavaTypeName {
    private JavaTypeName() {
    }

    static String of(String name) {
        if (name != null && name.contains("$$Lambda")) {
            return TypeNames.stable(javaNotation(name));
        }
        return javaNotation(name);
    }

    private static String javaNotation(String name) {
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
