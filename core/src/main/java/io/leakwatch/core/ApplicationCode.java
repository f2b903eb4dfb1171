package io.leakwatch.core;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which code is the application's: the one policy that decides which allocation frame a candidate is shown at,
 * whose field is the suspect reference of a chain, and whose classes name a leak. With packages given (setting
 * {@code leakwatch.applicationPackages}, or inferred from the main class), a type is the application's when it lies
 * in one of them; without, when it is neither the JDK's ({@link JdkTypes#isJdk}) nor in a package of a well-known
 * library or framework ({@link #LIBRARY_PACKAGES}). Lambdas belong to the class that defined them.
 *
 * <pre>{@code
 * ApplicationCode code = ApplicationCode.packages(List.of("com.acme.shop"));
 * code.isApplication("com.acme.shop.CartService");   // true
 * code.isApplication("org.apache.catalina.Manager"); // false
 * }</pre>
 */
public final class ApplicationCode {
    /**
     * Packages of libraries and frameworks that are never the application's when no packages are given: servlet
     * containers, caches, databases, DI frameworks, serialisers, loggers, languages on the JVM, and Leakwatch itself.
     * A prefix ends with a dot.
     */
    public static final List<String> LIBRARY_PACKAGES = List.of("org.apache.", "org.eclipse.", "io.undertow.",
            "org.jboss.", "org.xnio.", "org.wildfly.", "org.glassfish.", "jakarta.", "com.github.benmanes.caffeine.",
            "com.google.", "org.ehcache.", "net.sf.ehcache.", "org.h2.", "org.hsqldb.", "org.postgresql.", "com.mysql.",
            "org.mariadb.", "oracle.jdbc.", "com.zaxxer.hikari.", "org.hibernate.", "org.springframework.",
            "io.micronaut.", "io.quarkus.", "io.vertx.", "io.netty.", "reactor.", "io.reactivex.", "io.grpc.",
            "com.fasterxml.", "tools.jackson.", "com.google.gson.", "org.yaml.", "ch.qos.logback.", "org.slf4j.",
            "io.micrometer.", "io.opentelemetry.", "kotlin.", "kotlinx.", "scala.", "groovy.", "org.codehaus.groovy.",
            "org.mozilla.javascript.", "org.openjdk.nashorn.", "org.graalvm.", "com.oracle.truffle.", "net.bytebuddy.",
            "javassist.", "org.objectweb.asm.", "org.aspectj.", "org.junit.", "org.assertj.", "org.mockito.",
            "io.leakwatch.core.", "io.leakwatch.jfr.", "io.leakwatch.reports.");
    private static final Pattern PACKAGE = Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
            + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

    private final List<String> packages;

    private ApplicationCode(List<String> packages) {
        this.packages = List.copyOf(packages);
    }

    /** Application code is what is neither the JDK's nor a well-known library's. */
    public static ApplicationCode notLibraries() {
        return new ApplicationCode(List.of());
    }

    /**
     * Application code is what lies in these packages (and their subpackages); an empty list means {@link
     * #notLibraries()}.
     *
     * @throws IllegalArgumentException naming an entry that is not a package name
     */
    public static ApplicationCode packages(List<String> packageNames) {
        for (String name : packageNames) {
            if (name == null || !PACKAGE.matcher(name).matches()) {
                throw new IllegalArgumentException("applicationPackages must be package names such as com.acme.shop,"
                        + " was '" + name + "'");
            }
        }
        return new ApplicationCode(packageNames);
    }

    /** The packages given, or empty when application code is what is not the JDK's or a library's. */
    public List<String> packageNames() {
        return packages;
    }

    /** Whether a class (or an array of it, or a lambda it defined) is the application's. */
    public boolean isApplication(String typeName) {
        String name = TypeNames.stable(typeName).replace("[]", "");
        if (!packages.isEmpty()) {
            for (String prefix : packages) {
                if (name.startsWith(prefix) && (name.length() == prefix.length() || name.charAt(prefix.length()) == '.')) {
                    return true;
                }
            }
            return false;
        }
        if (JdkTypes.isJdk(name) || JdkTypes.isMonitorInternal(name)) {
            return false;
        }
        for (String prefix : LIBRARY_PACKAGES) {
            if (name.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a frame runs application code. */
    public boolean isApplication(StackFrame frame) {
        return isApplication(frame.typeName());
    }

    /**
     * The index of the innermost application frame of a stack (innermost first), or -1: the line a developer looks at
     * first.
     */
    public int firstApplicationFrame(List<StackFrame> stack) {
        for (int i = 0; i < stack.size(); i++) {
            if (isApplication(stack.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApplicationCode code && code.packages.equals(packages);
    }

    @Override
    public int hashCode() {
        return packages.hashCode();
    }

    @Override
    public String toString() {
        return packages.isEmpty() ? "not the JDK's or a well-known library's" : String.join(",", packages);
    }
}
