package io.leakwatch.jfr.internal.log;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.leakwatch.jfr.internal.log.Destination.SLF4J_1_BINDING;
import static io.leakwatch.jfr.internal.log.Destination.SLF4J_2_PROVIDER_SERVICE;
import static io.leakwatch.jfr.internal.log.Destination.SLF4J_2_PROVIDER_TYPE;
import static io.leakwatch.jfr.internal.log.Destination.SLF4J_API;
import static org.assertj.core.api.Assertions.assertThat;

/** Which destination each class path gets: SLF4J only where SLF4J itself would find a binding of its version. */
class DestinationTest {
    private static final String API_1_7 = SLF4J_API;

    private static Destination.ClassPath holding(String... resources) {
        Set<String> held = Set.of(resources);
        return held::contains;
    }

    @Test
    void noSlf4jGoesToStandardErrorOrThePlatformLoggerTheApplicationConfigured() {
        assertThat(Destination.choose(holding(), null, false)).isEqualTo(Destination.STANDARD_ERROR);
        assertThat(Destination.choose(holding(), null, true)).isEqualTo(Destination.PLATFORM_LOGGER);
    }

    @Test
    void slf4j2WithAProviderIsUsed() {
        assertThat(Destination.choose(holding(SLF4J_API, SLF4J_2_PROVIDER_TYPE, SLF4J_2_PROVIDER_SERVICE), null, true))
                .isEqualTo(Destination.SLF4J);
    }

    @Test
    void slf4j2NamingItsProviderByPropertyIsUsed() {
        assertThat(Destination.choose(holding(SLF4J_API, SLF4J_2_PROVIDER_TYPE), "org.example.Provider", false))
                .isEqualTo(Destination.SLF4J);
        assertThat(Destination.choose(holding(SLF4J_API, SLF4J_2_PROVIDER_TYPE), " ", false))
                .isEqualTo(Destination.STANDARD_ERROR);
    }

    /** The agent case: an application that has slf4j-api 2 through some library, and no provider. */
    @Test
    void slf4j2WithoutAProviderIsNotUsedSinceItWouldLogToNowhere() {
        assertThat(Destination.choose(holding(SLF4J_API, SLF4J_2_PROVIDER_TYPE), null, false))
                .isEqualTo(Destination.STANDARD_ERROR);
    }

    @Test
    void slf4j2WithOnlyA17BindingIsNotUsedSinceSlf4j2IgnoresIt() {
        assertThat(Destination.choose(holding(SLF4J_API, SLF4J_2_PROVIDER_TYPE, SLF4J_1_BINDING), null, false))
                .isEqualTo(Destination.STANDARD_ERROR);
    }

    @Test
    void slf4j17WithABindingIsUsed() {
        assertThat(Destination.choose(holding(API_1_7, SLF4J_1_BINDING), null, false)).isEqualTo(Destination.SLF4J);
    }

    @Test
    void slf4j17WithOnlyA2ProviderIsNotUsedSince17IgnoresIt() {
        assertThat(Destination.choose(holding(API_1_7, SLF4J_2_PROVIDER_SERVICE), null, false))
                .isEqualTo(Destination.STANDARD_ERROR);
    }

    @Test
    void aBindingWithoutTheApiIsNotUsed() {
        assertThat(Destination.choose(holding(SLF4J_1_BINDING, SLF4J_2_PROVIDER_SERVICE), null, false))
                .isEqualTo(Destination.STANDARD_ERROR);
    }

    /** The tests run with slf4j-simple 2 on the class path. */
    @Test
    void thisJvmWithSlf4jSimpleLogsThroughSlf4j() {
        assertThat(Log.get().destination()).isEqualTo(Destination.SLF4J);
    }
}
