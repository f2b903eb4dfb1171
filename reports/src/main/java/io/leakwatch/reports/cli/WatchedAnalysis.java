package io.leakwatch.reports.cli;

import io.leakwatch.core.json.AnalysisJson;
import io.leakwatch.core.StackFrame;
import io.leakwatch.core.Verdict;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code leakwatch watch} shows of the monitor's {@code analysis.json} (schema in {@code docs/json-report.md}),
 * read from the document's tree: the verdict, the live set and its trend, the GC windows, the top candidates. Only
 * the verdict and reason must be there; what else is missing is shown as unknown.
 *
 * @param verdict             the verdict
 * @param reason              why
 * @param nextStep            what would settle it, or empty
 * @param from                the first event analysed, or null
 * @param to                  the latest, or null
 * @param liveSetBytes        the live-set measurements, oldest first
 * @param afterGcBytes        the heap after each collection, oldest first
 * @param trend               the live-set trend, or null
 * @param maxHeapBytes        the heap's maximum, or 0 when unknown
 * @param projectedExhaustion the soonest the heap would be exhausted, or null
 * @param gc                  the GC windows, {@code 1m} first
 * @param candidates          the candidates, most likely first
 */
record WatchedAnalysis(Verdict verdict, String reason, String nextStep, Instant from, Instant to,
                       List<Long> liveSetBytes, List<Long> afterGcBytes, Trend trend, long maxHeapBytes,
                       Duration projectedExhaustion, List<GcWindow> gc, List<Candidate> candidates) {
    /** The schema this reader knows; a later one may have renamed what it reads. */
    static final int SCHEMA_VERSION = AnalysisJson.SCHEMA_VERSION;

    /** The live-set trend: its slope, the evidence for it, and when it would exhaust the heap (or null). */
    record Trend(double slopeBytesPerMinute, double logBayesFactor, int points, Duration span,
                 Duration timeToExhaustion) {
    }

    /** One GC window ({@code 1m}, {@code 10m}, {@code run}) and its kinds of collection. */
    record GcWindow(String name, Duration span, List<GcKindRow> kinds) {
    }

    /** Collections of one kind in a window. */
    record GcKindRow(String kind, long count, double perMinute, Duration p50, Duration p90, Duration p99,
                     Duration max) {
    }

    /** A leak candidate as watch lists it. */
    record Candidate(String type, String status, String fingerprint, double growthBytesPerMinute,
                     StackFrame allocatedAt, String accumulatesIn) {
    }

    /**
     * The analysis a document says.
     *
     * @param source names the document in messages
     * @throws WatchFailure (exit 4) when the document is not an analysis this reader understands
     */
    static WatchedAnalysis of(Object document, String source) throws WatchFailure {
        Node root = new Node(document, source);
        Object version = root.map().get("schemaVersion");
        if (!(version instanceof Double number) || number.intValue() != SCHEMA_VERSION) {
            throw new WatchFailure(LeakwatchCli.UNREADABLE, source + " is not an analysis of schema version "
                    + SCHEMA_VERSION + " (it says " + version + "); watch it with the leakwatch of the monitor that"
                    + " wrote it");
        }
        Verdict verdict;
        try {
            verdict = Verdict.valueOf(root.string("verdict"));
        } catch (IllegalArgumentException e) {
            throw new WatchFailure(LeakwatchCli.UNREADABLE, source + " has an unknown verdict '"
                    + root.map().get("verdict") + "'");
        }
        Node liveSet = root.child("liveSet");
        return new WatchedAnalysis(verdict, root.string("reason"), root.optionalString("nextStep"),
                root.instant("from"), root.instant("to"), liveSet.bytes("points"), liveSet.bytes("afterGc"),
                trend(liveSet.child("trend")), (long) liveSet.number("maxHeapBytes", 0),
                root.duration("projectedExhaustionSeconds"), gc(root.list("gc")), candidates(root.list("candidates")));
    }

    private static Trend trend(Node trend) {
        if (trend.value == null) {
            return null;
        }
        Instant from = trend.instant("from");
        Instant to = trend.instant("to");
        return new Trend(trend.number("slopeBytesPerMinute", Double.NaN), trend.number("logBayesFactor", Double.NaN),
                (int) trend.number("points", 0), from == null || to == null ? null : Duration.between(from, to),
                trend.duration("timeToExhaustionSeconds"));
    }

    private static List<GcWindow> gc(List<Node> windows) {
        List<GcWindow> result = new ArrayList<>();
        for (Node window : windows) {
            Instant from = window.instant("from");
            Instant to = window.instant("to");
            List<GcKindRow> kinds = new ArrayList<>();
            for (Node kind : window.list("kinds")) {
                Node pauses = kind.child("pauseSeconds");
                kinds.add(new GcKindRow(kind.optionalString("kind"), (long) kind.number("count", 0),
                        kind.number("perMinute", Double.NaN), pauses.duration("p50"), pauses.duration("p90"),
                        pauses.duration("p99"), pauses.duration("max")));
            }
            result.add(new GcWindow(window.optionalString("window"), from == null || to == null ? null
                    : Duration.between(from, to), kinds));
        }
        return result;
    }

    private static List<Candidate> candidates(List<Node> candidates) {
        List<Candidate> result = new ArrayList<>();
        for (Node candidate : candidates) {
            List<Node> frames = candidate.list("allocationSite");
            int application = (int) candidate.number("applicationFrame", -1);
            StackFrame allocatedAt = null;
            if (!frames.isEmpty()) {
                Node frame = frames.get(application >= 0 && application < frames.size() ? application : 0);
                allocatedAt = new StackFrame(frame.optionalString("type"), frame.optionalString("method"),
                        (int) frame.number("line", -1));
            }
            Node point = candidate.child("accumulationPoint");
            result.add(new Candidate(candidate.optionalString("type"), candidate.optionalString("status"),
                    candidate.optionalString("fingerprint"), candidate.number("growthBytesPerMinute", Double.NaN),
                    allocatedAt, point.value == null ? "" : point.optionalString("text")));
        }
        return result;
    }

    /** The GC window of that name, or null. */
    GcWindow window(String name) {
        return gc.stream().filter(window -> name.equals(window.name())).findFirst().orElse(null);
    }

    /**
     * A value of the document and where it is, read leniently below the root: a member that is missing or of
     * another type reads as absent, since a frame with a gap is more use than none.
     */
    private record Node(Object value, String where) {
        Map<?, ?> map() throws WatchFailure {
            if (value instanceof Map<?, ?> map) {
                return map;
            }
            throw new WatchFailure(LeakwatchCli.UNREADABLE, where + " is not a JSON object");
        }

        private Object get(String name) {
            return value instanceof Map<?, ?> map ? map.get(name) : null;
        }

        Node child(String name) {
            return new Node(get(name), where + "." + name);
        }

        String string(String name) throws WatchFailure {
            if (get(name) instanceof String text) {
                return text;
            }
            throw new WatchFailure(LeakwatchCli.UNREADABLE, where + " has no '" + name + "' text: not the "
                    + "analysis.json of a Leakwatch monitor");
        }

        String optionalString(String name) {
            return get(name) instanceof String text ? text : "";
        }

        double number(String name, double otherwise) {
            return get(name) instanceof Double number ? number : otherwise;
        }

        Duration duration(String name) {
            return get(name) instanceof Double seconds && seconds >= 0
                    ? Duration.ofNanos(Math.round(seconds * 1e9)) : null;
        }

        Instant instant(String name) {
            try {
                return get(name) instanceof String text ? Instant.parse(text) : null;
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        List<Node> list(String name) {
            List<Node> nodes = new ArrayList<>();
            if (get(name) instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    nodes.add(new Node(list.get(i), where + "." + name + "[" + i + "]"));
                }
            }
            return nodes;
        }

        List<Long> bytes(String name) {
            List<Long> values = new ArrayList<>();
            for (Node point : list(name)) {
                double bytes = point.number("bytes", Double.NaN);
                if (!Double.isNaN(bytes)) {
                    values.add((long) bytes);
                }
            }
            return values;
        }
    }
}
