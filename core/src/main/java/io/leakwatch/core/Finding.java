package io.leakwatch.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One reason behind a verdict, in numbers: the rule that held, the figures it rests on, and the thresholds they
 * were held against. Every name carries its unit ({@code slopeBytesPerSecond}, {@code spanSeconds}); names are
 * stable, documented per rule in docs/json-report.md. An {@link Analysis}'s reason is rendered from its findings.
 *
 * <pre>{@code
 * Finding growth = analysis.finding(Rule.LIVE_SET_GROWS).orElseThrow();
 * double rate = growth.value("slopeBytesPerSecond");
 * }</pre>
 *
 * @param rule       the rule
 * @param values     the figures it rests on, by name, in a stable order
 * @param thresholds what the figures were held against, by name
 */
public record Finding(Rule rule, Map<String, Double> values, Map<String, Double> thresholds) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
    }

    /** A finding of the rule with no figures yet; add them with {@link #with} and {@link #against}. */
    public static Finding of(Rule rule) {
        return new Finding(rule, Map.of(), Map.of());
    }

    /** This finding with one more figure. */
    public Finding with(String name, double value) {
        Map<String, Double> more = new LinkedHashMap<>(values);
        more.put(name, value);
        return new Finding(rule, more, thresholds);
    }

    /** This finding with one more threshold. */
    public Finding against(String name, double threshold) {
        Map<String, Double> more = new LinkedHashMap<>(thresholds);
        more.put(name, threshold);
        return new Finding(rule, values, more);
    }

    /**
     * A figure by name.
     *
     * @throws IllegalArgumentException naming the figures there are, when there is none by that name
     */
    public double value(String name) {
        Double value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException(rule.id() + " has no value " + name + "; it has " + values.keySet());
        }
        return value;
    }

    /**
     * A threshold by name.
     *
     * @throws IllegalArgumentException naming the thresholds there are, when there is none by that name
     */
    public double threshold(String name) {
        Double value = thresholds.get(name);
        if (value == null) {
            throw new IllegalArgumentException(rule.id() + " has no threshold " + name + "; it has "
                    + thresholds.keySet());
        }
        return value;
    }
}
