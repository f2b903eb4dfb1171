package io.leakwatch.core;

/**
 * Type names as a person reads them and as they stay from one run to the next. A hidden class (a lambda) carries a
 * per-run counter and address: {@code Class.getName()} writes {@code com.example.App$$Lambda$14/0x0000000800c0b0d8}
 * (JDK 17) or {@code com.example.App$$Lambda/0x0000000800c0b0d8} (JDK 21 and later), JFR writes {@code
 * com.example.App$$Lambda$14+0x00007fe82808e260.1312381159}. Its stable name is {@code com.example.App$$Lambda}: the
 * class that defined it, which is what a reader can look up, and the same across restarts.
 */
public final class TypeNames {
    private static final String LAMBDA = "$$Lambda";

    private TypeNames() {
    }

    /** The name without what changes from run to run: a lambda's counter and a hidden class's address suffix. */
    public static String stable(String typeName) {
        int lambda = typeName.indexOf(LAMBDA);
        if (lambda >= 0) {
            return typeName.substring(0, lambda + LAMBDA.length()) + arraySuffix(typeName);
        }
        int suffix = typeName.indexOf("/0x");
        if (suffix < 0) {
            suffix = typeName.indexOf("+0x");
        }
        return suffix < 0 ? typeName : typeName.substring(0, suffix) + arraySuffix(typeName);
    }

    /** The stable name without its package: {@code HashMap$Node[]}, {@code App$$Lambda}. */
    public static String simple(String typeName) {
        String name = stable(typeName);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    /** The class a nested class belongs to: {@code java.util.HashMap} for {@code java.util.HashMap$Node[]}. */
    public static String topLevel(String typeName) {
        String element = stable(typeName).replace("[]", "");
        int nested = element.indexOf('$');
        return nested < 0 ? element : element.substring(0, nested);
    }

    private static String arraySuffix(String typeName) {
        int array = typeName.indexOf("[]");
        return array < 0 ? "" : typeName.substring(array);
    }
}
