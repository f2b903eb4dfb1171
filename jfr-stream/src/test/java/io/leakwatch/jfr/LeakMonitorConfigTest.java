package io.leakwatch.jfr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeakMonitorConfigTest {

    private static Properties properties(String... pairs) {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    @Test
    void readsEverySettingFromLeakwatchProperties() {
        LeakMonitorConfig config = LeakMonitorConfig.fromProperties(properties(
                "leakwatch.dir", "/tmp/lw", "leakwatch.snapshotInterval", "5s", "leakwatch.inspection", "periodic",
                "leakwatch.inspectionInterval", "PT1M", "leakwatch.chainInterval", "2m",
                "leakwatch.chainCutoff", "500ms", "leakwatch.pauseBudget", "0.02", "leakwatch.maxAge", "1h",
                "leakwatch.maxSize", "16MB", "leakwatch.failIfUnavailable", "false", "leakwatch.warmUp", "90s",
                "leakwatch.minObservation", "3m", "other.property", "ignored"));

        assertThat(config.outputDirectory()).isEqualTo(Path.of("/tmp/lw"));
        assertThat(config.snapshotInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.inspectionMode()).isEqualTo(InspectionMode.PERIODIC);
        assertThat(config.inspectionInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.chainInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.chainCutoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.pauseBudget()).isEqualTo(0.02);
        assertThat(config.maxAge()).isEqualTo(Duration.ofHours(1));
        assertThat(config.maxSizeBytes()).isEqualTo(16L << 20);
        assertThat(config.failIfUnavailable()).isFalse();
        assertThat(config.analyzer().warmUp()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.analyzer().minObservation()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void badValuesFailNamingThePropertyTheValueAndWhatWasExpected() {
        assertThatThrownBy(() -> LeakMonitorConfig.fromProperties(properties("leakwatch.snapshotInterval", "soon")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Bad setting leakwatch.snapshotInterval=soon: expected a duration such as 500ms, 30s,"
                        + " 5m or 2h");
        assertThatThrownBy(() -> LeakMonitorConfig.fromProperties(properties("leakwatch.inspection", "always")))
                .hasMessageContaining("expected off, on-suspicion or periodic");
        assertThatThrownBy(() -> LeakMonitorConfig.fromProperties(properties("leakwatch.pauseBudget", "0.9")))
                .hasMessageContaining("pauseBudget must be in [0, 0.5], was 0.9");
        assertThatThrownBy(() -> LeakMonitorConfig.fromProperties(properties("leakwatch.snapshotIntervl", "5s")))
                .hasMessageContaining("Unknown setting leakwatch.snapshotIntervl=5s");
        assertThatThrownBy(() -> LeakMonitorConfig.fromProperties(properties("leakwatch.applicationPackages",
                "com.acme.*"))).hasMessage("Bad setting leakwatch.applicationPackages=com.acme.*: expected package"
                + " names separated by commas, such as com.acme.shop,com.acme.common");
    }

    @Test
    void theApplicationsPackagesAreThoseGivenOrTheMainClasssUnlessThatIsALibrarys() {
        assertThat(LeakMonitorConfig.fromProperties(properties("leakwatch.applicationPackages",
                "com.acme.shop, com.acme.common")).analyzer().applicationPackages())
                .containsExactly("com.acme.shop", "com.acme.common");
        assertThat(LeakMonitorConfig.fromProperties(properties("sun.java.command", "com.acme.shop.Main --port 80"))
                .analyzer().applicationPackages()).containsExactly("com.acme.shop");
        assertThat(LeakMonitorConfig.fromProperties(properties("sun.java.command",
                "org.apache.catalina.startup.Bootstrap start")).analyzer().applicationPackages()).isEmpty();
        assertThat(LeakMonitorConfig.fromProperties(properties("sun.java.command", "com.acme.shop.Main",
                "leakwatch.applicationPackages", "")).analyzer().applicationPackages()).isEmpty();
    }

    @Test
    void aJarsStartClassOrMainClassGivesTheApplicationsPackage(@TempDir Path dir) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.springframework.boot.loader.JarLauncher");
        manifest.getMainAttributes().putValue("Start-Class", "com.acme.shop.ShopApplication");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(dir.resolve("shop.jar")), manifest)) {
            jar.flush();
        }

        assertThat(LeakMonitorConfig.fromProperties(properties("sun.java.command", "shop.jar", "user.dir",
                dir.toString())).analyzer().applicationPackages()).containsExactly("com.acme.shop");
        assertThat(LeakMonitorConfig.fromProperties(properties("sun.java.command", "missing.jar", "user.dir",
                dir.toString())).analyzer().applicationPackages()).isEmpty();
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        LeakMonitorConfig config = LeakMonitorConfig.builder().build();

        assertThat(config.outputDirectory()).isEqualTo(Path.of("leakwatch"));
        assertThat(config.inspectionMode()).isEqualTo(InspectionMode.ON_SUSPICION);
        assertThat(config.snapshotInterval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.pauseBudget()).isEqualTo(0.01);
    }
}
