package io.leakwatch.jfr;

import io.leakwatch.core.AnalyzerConfig;
import io.leakwatch.core.ApplicationCode;
import io.leakwatch.jfr.internal.MainClassPackage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;

/**
 * Settings of a {@link LeakMonitor}. Build with {@link #builder()} or read them from {@code leakwatch.*} system
 * properties with {@link #fromSystemProperties()}; a bad value fails at once with a message naming the setting.
 *
 * <table>
 * <caption>Settings and their system properties</caption>
 * <tr><th>property</th><th>default</th><th>meaning</th></tr>
 * <tr><td>leakwatch.dir</td><td>./leakwatch</td><td>output directory: analysis.json and the .jfr evidence</td></tr>
 * <tr><td>leakwatch.snapshotInterval</td><td>20s</td><td>how often old-object samples are taken and the evidence
 * recording is written out</td></tr>
 * <tr><td>leakwatch.inspection</td><td>on-suspicion</td><td>off, on-suspicion or periodic heap inspections</td></tr>
 * <tr><td>leakwatch.inspectionInterval</td><td>15s</td><td>least time between heap inspections</td></tr>
 * <tr><td>leakwatch.chainInterval</td><td>60s</td><td>least time between snapshots with reference chains</td></tr>
 * <tr><td>leakwatch.chainCutoff</td><td>10ms</td><td>time the JVM may spend searching paths to GC roots per
 * snapshot; four times longer at each snapshot that leaves a {@code LEAK} without a chain or a growth that nothing
 * names, up to 1 s (0 searches none)</td></tr>
 * <tr><td>leakwatch.pauseBudget</td><td>0.01</td><td>largest share of wall time inspections and chain snapshots may
 * stop the application</td></tr>
 * <tr><td>leakwatch.maxAge</td><td>30m</td><td>how much history the evidence recording keeps</td></tr>
 * <tr><td>leakwatch.maxSize</td><td>64MB</td><td>how large the evidence recording may grow</td></tr>
 * <tr><td>leakwatch.warmUp</td><td>30s</td><td>start-up span left out of trends</td></tr>
 * <tr><td>leakwatch.minObservation</td><td>30s</td><td>shortest span of measurements a {@code NO_LEAK} rests
 * on</td></tr>
 * <tr><td>leakwatch.falseAlarmRate</td><td>0.001</td><td>α: the probability that a live set that does not grow is
 * called growing by the sequential test</td></tr>
 * <tr><td>leakwatch.missRate</td><td>0.05</td><td>β: the probability of a {@code NO_LEAK} while the live set grows at
 * the slowest rate that matters</td></tr>
 * <tr><td>leakwatch.exhaustionHorizon</td><td>1h</td><td>growth that would exhaust the heap within this
 * matters</td></tr>
 * <tr><td>leakwatch.applicationPackages</td><td>the main class's package</td><td>the application's packages,
 * comma-separated: where candidates are shown allocated and which field is their suspect reference</td></tr>
 * <tr><td>leakwatch.failIfUnavailable</td><td>true</td><td>whether {@code start()} throws when the JVM has no JFR,
 * rather than running disabled with one warning</td></tr>
 * </table>
 *
 * @param outputDirectory    where analysis.json and the evidence recording are written
 * @param snapshotInterval   period of old-object snapshots and evidence dumps
 * @param inspectionMode     when heap inspections are taken
 * @param inspectionInterval least time between heap inspections
 * @param chainInterval      least time between snapshots with reference chains
 * @param chainCutoff        path-search cutoff of a chain snapshot
 * @param pauseBudget        largest share (0 to 1) of wall time active steps may stop the application
 * @param maxAge             history kept in the evidence recording
 * @param maxSizeBytes       size bound of the evidence recording
 * @param failIfUnavailable  throw from {@code start()} when JFR is missing, instead of running disabled
 * @param analyzer           the analysis settings
 */
public record LeakMonitorConfig(Path outputDirectory, Duration snapshotInterval, InspectionMode inspectionMode,
                                Duration inspectionInterval, Duration chainInterval, Duration chainCutoff,
                                double pauseBudget, Duration maxAge, long maxSizeBytes, boolean failIfUnavailable,
                                AnalyzerConfig analyzer) {

    public LeakMonitorConfig {
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(inspectionMode, "inspectionMode");
        Objects.requireNonNull(analyzer, "analyzer");
        requireAtLeast("snapshotInterval", snapshotInterval, Duration.ofSeconds(1));
        requireAtLeast("inspectionInterval", inspectionInterval, Duration.ofSeconds(1));
        requireAtLeast("chainInterval", chainInterval, Duration.ofSeconds(1));
        requireAtLeast("chainCutoff", chainCutoff, Duration.ZERO);
        requireAtLeast("maxAge", maxAge, Duration.ofMinutes(1));
        if (!(pauseBudget >= 0 && pauseBudget <= 0.5)) {
            throw new IllegalArgumentException("pauseBudget must be in [0, 0.5], was " + pauseBudget);
        }
        if (maxSizeBytes < (1 << 20)) {
            throw new IllegalArgumentException("maxSize must be at least 1 MB, was " + maxSizeBytes + " bytes");
        }
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults, overridden by any {@code leakwatch.*} system property. */
    public static LeakMonitorConfig fromSystemProperties() {
        return fromProperties(System.getProperties());
    }

    /**
     * The defaults, overridden by any {@code leakwatch.*} entry of {@code properties}.
     *
     * @throws IllegalArgumentException naming the property and the value when one cannot be used
     */
    public static LeakMonitorConfig fromProperties(Properties properties) {
        Builder builder = builder();
        AnalyzerConfig.Builder analyzer = AnalyzerConfig.builder().applicationPackages(MainClassPackage.infer(
                properties.getProperty("sun.java.command"), Path.of(properties.getProperty("user.dir", "."))));
        for (String name : properties.stringPropertyNames()) {
            if (!name.startsWith("leakwatch.")) {
                continue;
            }
            String value = properties.getProperty(name).trim();
            String key = name.substring("leakwatch.".length());
            switch (key) {
                case "dir" -> builder.outputDirectory(Path.of(value));
                case "snapshotInterval" -> builder.snapshotInterval(duration(name, value));
                case "inspection" -> builder.inspectionMode(parse(name, value, v -> InspectionMode.valueOf(
                        v.toUpperCase(Locale.ROOT).replace('-', '_')), "off, on-suspicion or periodic"));
                case "inspectionInterval" -> builder.inspectionInterval(duration(name, value));
                case "chainInterval" -> builder.chainInterval(duration(name, value));
                case "chainCutoff" -> builder.chainCutoff(duration(name, value));
                case "pauseBudget" -> builder.pauseBudget(parse(name, value, Double::parseDouble, "a number"));
                case "maxAge" -> builder.maxAge(duration(name, value));
                case "maxSize" -> builder.maxSizeBytes(bytes(name, value));
                case "failIfUnavailable" -> builder.failIfUnavailable(parse(name, value, LeakMonitorConfig::bool,
                        "true or false"));
                case "warmUp" -> analyzer.warmUp(duration(name, value));
                case "minObservation" -> analyzer.minObservation(duration(name, value));
                case "falseAlarmRate" -> analyzer.falseAlarmRate(parse(name, value, Double::parseDouble, "a number"));
                case "missRate" -> analyzer.missRate(parse(name, value, Double::parseDouble, "a number"));
                case "exhaustionHorizon" -> analyzer.exhaustionHorizon(duration(name, value));
                case "applicationPackages" -> analyzer.applicationPackages(value.isEmpty() ? List.of()
                        : parse(name, value, v -> ApplicationCode.packages(Arrays.stream(v.split(","))
                                .map(String::trim).toList()).packageNames(), "package names separated by commas,"
                                + " such as com.acme.shop,com.acme.common"));
                default -> throw new IllegalArgumentException("Unknown setting " + name + "=" + value
                        + "; the leakwatch.* settings are listed in the README");
            }
        }
        try {
            return builder.analyzer(analyzer.build()).build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Bad leakwatch.* setting: " + e.getMessage(), e);
        }
    }

    /**
     * A duration written as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h} or ISO-8601 ({@code PT30S}).
     *
     * @throws IllegalArgumentException naming the setting
     */
    static Duration duration(String name, String value) {
        return parse(name, value, v -> {
            if (v.startsWith("P") || v.startsWith("p")) {
                return Duration.parse(v);
            }
            Map<String, Function<Long, Duration>> units = Map.of("ms", Duration::ofMillis, "s", Duration::ofSeconds,
                    "m", Duration::ofMinutes, "h", Duration::ofHours);
            String digits = v.replaceAll("[a-z]+$", "");
            Function<Long, Duration> unit = units.get(v.substring(digits.length()));
            if (unit == null) {
                throw new IllegalArgumentException();
            }
            return unit.apply(Long.parseLong(digits.trim()));
        }, "a duration such as 500ms, 30s, 5m or 2h");
    }

    /** A size written as {@code 64MB}, {@code 512kB}, {@code 1GB} or a number of bytes. */
    static long bytes(String name, String value) {
        return parse(name, value, v -> {
            String upper = v.toUpperCase(Locale.ROOT).replace(" ", "");
            long factor = upper.endsWith("GB") ? 1L << 30 : upper.endsWith("MB") ? 1L << 20
                    : upper.endsWith("KB") ? 1L << 10 : 1;
            String digits = factor == 1 ? upper.replaceFirst("B$", "") : upper.substring(0, upper.length() - 2);
            return Math.multiplyExact(Long.parseLong(digits), factor);
        }, "a size such as 64MB or 512kB");
    }

    private static boolean bool(String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException();
    }

    private static <T> T parse(String name, String value, Function<String, T> parser, String expected) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Bad setting " + name + "=" + value + ": expected " + expected, e);
        }
    }

    private static void requireAtLeast(String name, Duration value, Duration least) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(least) < 0) {
            throw new IllegalArgumentException(name + " must be at least " + least + ", was " + value);
        }
    }

    /** Builds a {@link LeakMonitorConfig}; not thread-safe. */
    public static final class Builder {
        private Path outputDirectory = Path.of("leakwatch");
        private Duration snapshotInterval = Duration.ofSeconds(20);
        private InspectionMode inspectionMode = InspectionMode.ON_SUSPICION;
        private Duration inspectionInterval = Duration.ofSeconds(15);
        private Duration chainInterval = Duration.ofSeconds(60);
        private Duration chainCutoff = Duration.ofMillis(10);
        private double pauseBudget = 0.01;
        private Duration maxAge = Duration.ofMinutes(30);
        private long maxSizeBytes = 64L << 20;
        private boolean failIfUnavailable = true;
        private AnalyzerConfig analyzer = AnalyzerConfig.defaults();

        private Builder() {
        }

        /** Where analysis.json and the evidence recording go; default {@code ./leakwatch}. */
        public Builder outputDirectory(Path value) {
            this.outputDirectory = value;
            return this;
        }

        /** Period of old-object snapshots and evidence dumps; default 20 s. */
        public Builder snapshotInterval(Duration value) {
            this.snapshotInterval = value;
            return this;
        }

        /** When heap inspections are taken; default {@link InspectionMode#ON_SUSPICION}. */
        public Builder inspectionMode(InspectionMode value) {
            this.inspectionMode = value;
            return this;
        }

        /** Least time between heap inspections; default 15 s. */
        public Builder inspectionInterval(Duration value) {
            this.inspectionInterval = value;
            return this;
        }

        /** Least time between snapshots with reference chains; default 60 s. */
        public Builder chainInterval(Duration value) {
            this.chainInterval = value;
            return this;
        }

        /** Path-search cutoff of a chain snapshot; default 10 ms (DESIGN.md fact 3). */
        public Builder chainCutoff(Duration value) {
            this.chainCutoff = value;
            return this;
        }

        /** Largest share of wall time active steps may stop the application; default 0.01. */
        public Builder pauseBudget(double value) {
            this.pauseBudget = value;
            return this;
        }

        /** History kept in the evidence recording; default 30 minutes. */
        public Builder maxAge(Duration value) {
            this.maxAge = value;
            return this;
        }

        /** Size bound of the evidence recording; default 64 MB. */
        public Builder maxSizeBytes(long value) {
            this.maxSizeBytes = value;
            return this;
        }

        /** Whether {@code start()} throws when JFR is missing; default true. */
        public Builder failIfUnavailable(boolean value) {
            this.failIfUnavailable = value;
            return this;
        }

        /** The analysis settings; default {@link AnalyzerConfig#defaults()}. */
        public Builder analyzer(AnalyzerConfig value) {
            this.analyzer = value;
            return this;
        }

        /** @throws IllegalArgumentException naming the first setting that is out of range */
        public LeakMonitorConfig build() {
            return new LeakMonitorConfig(outputDirectory, snapshotInterval, inspectionMode, inspectionInterval,
                    chainInterval, chainCutoff, pauseBudget, maxAge, maxSizeBytes, failIfUnavailable, analyzer);
        }

        /** Builds the settings and starts a monitor with them; see {@link LeakMonitor#start(LeakMonitorConfig)}. */
        public LeakMonitor start() {
            return LeakMonitor.start(build());
        }
    }
}
