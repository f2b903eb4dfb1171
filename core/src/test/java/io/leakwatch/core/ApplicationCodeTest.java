package io.leakwatch.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApplicationCodeTest {

    @Test
    void withoutPackagesApplicationCodeIsWhatIsNeitherTheJdksNorAWellKnownLibrarys() {
        ApplicationCode code = ApplicationCode.notLibraries();

        assertThat(code.isApplication("com.acme.shop.CartService")).isTrue();
        assertThat(code.isApplication("com.acme.shop.CartService$$Lambda")).isTrue();
        assertThat(code.isApplication("com.acme.shop.Cart[]")).isTrue();
        assertThat(code.isApplication("org.apache.catalina.session.StandardManager")).isFalse();
        assertThat(code.isApplication("com.github.benmanes.caffeine.cache.SSA")).isFalse();
        assertThat(code.isApplication("java.util.HashMap")).isFalse();
        assertThat(code.isApplication("io.leakwatch.jfr.internal.MonitorSession")).isFalse();
    }

    @Test
    void withPackagesOnlyTheyAndTheirSubpackagesAreTheApplications() {
        ApplicationCode code = ApplicationCode.packages(List.of("com.acme.shop"));

        assertThat(code.isApplication("com.acme.shop.web.Controller")).isTrue();
        assertThat(code.isApplication("com.acme.shopping.Other")).isFalse();
        assertThat(code.isApplication("com.obscure.lib.Parser")).isFalse();
    }

    @Test
    void theFirstApplicationFrameIsFoundHoweverDeepItIs() {
        List<StackFrame> stack = new java.util.ArrayList<>();
        stack.add(new StackFrame("java.util.Arrays", "copyOf", 3537));
        for (int i = 0; i < 25; i++) {
            stack.add(new StackFrame("org.mozilla.javascript.Parser", "parse", i));
        }
        stack.add(new StackFrame("com.acme.shop.Rules", "compile", 12));

        assertThat(ApplicationCode.notLibraries().firstApplicationFrame(stack)).isEqualTo(26);
    }

    @Test
    void aPackageListWithSomethingElseIsRefusedWithWhatWasGiven() {
        assertThatThrownBy(() -> ApplicationCode.packages(List.of("com.acme.*")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'com.acme.*'");
        assertThatThrownBy(() -> AnalyzerConfig.builder().applicationPackages(List.of("com acme")).build())
                .hasMessageContaining("applicationPackages");
    }

    @Test
    void lambdasAndHiddenClassesHaveStableNames() {
        assertThat(TypeNames.stable("com.acme.App$$Lambda$147+0x00007fd8840cf250.931496835"))
                .isEqualTo("com.acme.App$$Lambda");
        assertThat(TypeNames.stable("com.acme.App$$Lambda/0x0000000800c0b0d8")).isEqualTo("com.acme.App$$Lambda");
        assertThat(TypeNames.simple("com.acme.Proxy+0x00007fd8840cf250")).isEqualTo("Proxy");
        assertThat(new StackFrame("com.acme.App$$Lambda$14/0x0000000800c0b0d8", "run", -1).toString())
                .isEqualTo("com.acme.App$$Lambda.run");
    }
}
