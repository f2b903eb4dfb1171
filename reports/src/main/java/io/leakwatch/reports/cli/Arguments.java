package io.leakwatch.reports.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import io.leakwatch.core.ApplicationCode;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Parses option values the way the monitor's settings are written ({@code 30s}, {@code 2m}, {@code PT1H}, {@code
 * com.acme.shop,com.acme.common}).
 */
final class Arguments {
    private Arguments() {
    }

    static Duration duration(String option, String value, CommandSpec spec) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("p")) {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            }
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for " + option + ": '" + value
                    + "' (expected a duration such as 500ms, 30s, 5m or 2h)");
        }
    }

    /** Comma-separated package names; none when the value is null or blank. */
    static List<String> packages(String option, String value, CommandSpec spec) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> names = Arrays.stream(value.split(",")).map(String::trim).toList();
        try {
            return ApplicationCode.packages(names).packageNames();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for " + option + ": '" + value
                    + "' (expected package names separated by commas, such as com.acme.shop,com.acme.common)");
        }
    }
}
