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
 * @param kind       what the finding is about: {@link LeakKind#HEAP} for the live-set rules, the kind for the
 *                   {@code kind-*} rules
 * @param series     which of the kind's series, for the {@code kind-*} rules ({@code metaspace}, {@code threads},
 *                   {@code direct memory}, a native memory category); empty for the heap
 */
public record Finding(Rule rule, Map<String, Double> values, Map<String, Double> thresholds, LeakKind kind,
                      String series) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(kind, "kind");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
        series = series == null ? "" : series;
    }

    /** A finding about the heap. */
    public Finding(Rule rule, Map<String, Double> values, Map<String, Double> thresholds) {
        this(rule, values, thresholds, LeakKind.HEAP, "");
    }

    /** A finding of the rule about the heap, with no figures yet; add them with {@link #with} and {@link #against}. */
    public static Finding of(Rule rule) {
        return new Finding(rule, Map.of(), Map.of());
    }

    /** A finding of the rule about one series of a kind, with no figures yet. */
    public static Finding of(Rule rule, LeakKind kind, String series) {
        return new Finding(rule, Map.of(), Map.of(), kind, series);
    }

    /** This finding with one more figure. */
    public Finding with(String name, double value) {
        Map<String, Double> more = new LinkedHashMap<>(values);
        more.put(name, value);
        return new Finding(rule, more, thresholds, kind, series);
    }

    /** This finding with one more threshold. */
    public Finding against(String name, double threshold) {
        Map<String, Double> more = new LinkedHashMap<>(thresholds);
        more.put(name, threshold);
        return new Finding(rule, values, more, kind, series);
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
