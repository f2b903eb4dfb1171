/**
 * Leak tests for JUnit 5 on Leakwatch's heap inspections and JDK Flight Recorder's old-object samples.
 */
module io.leakwatch.junit {
    requires transitive io.leakwatch.jfr;
    requires transitive org.junit.jupiter.api;

    exports io.leakwatch.junit;
    // JUnit instantiates the package-private extension reflectively.
    opens io.leakwatch.junit to org.junit.platform.commons;
}
