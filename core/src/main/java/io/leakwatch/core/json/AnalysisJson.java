package io.leakwatch.core.json;

import io.leakwatch.core.AccumulationPoint;
import io.leakwatch.core.Analysis;
import io.leakwatch.core.Evidence;
import io.leakwatch.core.Finding;
import io.leakwatch.core.GcPoint;
import io.leakwatch.core.GcWindowStatistics;
import io.leakwatch.core.HeapPoint;
import io.leakwatch.core.KindReport;
import io.leakwatch.core.KindStatistics;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.LiveSetPoint;
import io.leakwatch.core.ReferenceStep;
import io.leakwatch.core.SeriesPoint;
import io.leakwatch.core.SeriesTrend;
import io.leakwatch.core.SiteSummary;
import io.leakwatch.core.StackFrame;
import io.leakwatch.core.Trend;
import io.leakwatch.core.TypeGrowth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Writes an {@link Analysis} as JSON, the form of {@code analysis.json} and of the JSON report. The schema is
 * documented in {@code docs/json-report.md}; {@value #SCHEMA_VERSION} is its version, raised on any incompatible
 * change. Times are ISO-8601 instants, durations are seconds, sizes are bytes, rates are per minute.
 */
public final class AnalysisJson {
    /** Version of the schema this class writes. */
    public static final int SCHEMA_VERSION = 4;

    private AnalysisJson() {
    }

    /**
     * One input of an offline analysis, for the {@code inputs} section.
     *
     * @param name    the file
     * @param status  {@code COMPLETE}, {@code PARTIAL} or {@code UNREADABLE}
     * @param events  events read from it
     * @param message what went wrong, or empty
     */
    public record Input(String name, String status, long events, String message) {
    }

    /** The analysis as a JSON document. */
    public static String write(Analysis analysis) {
        return write(analysis, List.of());
    }

    /** The analysis as a JSON document, with an {@code inputs} section naming the files it was read from. */
    public static String write(Analysis analysis, List<Input> inputs) {
        JsonWriter json = new JsonWriter().beginObject();
        json.name("schemaVersion").value(SCHEMA_VERSION);
        json.name("verdict").value(analysis.verdict().name());
        json.name("reason").value(analysis.reason());
        json.name("nextStep").value(analysis.nextStep());
        findings(json, analysis.findings());
        json.name("growthSuspected").value(analysis.growthSuspected());
        json.name("projectedExhaustionSeconds");
        if (analysis.projectedExhaustion() == null) {
            json.nullValue();
        } else {
            json.value(seconds(analysis.projectedExhaustion()));
        }
        json.name("from");
        instant(json, analysis.from());
        json.name("to");
        instant(json, analysis.to());
        json.name("counts").beginObject()
                .name("collections").value(analysis.counts().collections())
                .name("objectSamples").value(analysis.counts().objectSamples())
                .name("snapshots").value(analysis.counts().snapshots())
                .name("histograms").value(analysis.counts().histograms())
                .name("duplicates").value(analysis.counts().duplicates())
                .name("allocationSamples").value(analysis.counts().allocationSamples())
                .endObject();
        json.name("coverage").beginObject().name("sources").beginArray();
        analysis.coverage().sources().stream().sorted().forEach(source -> json.value(source.name()));
        json.endArray().name("gaps").beginArray();
        analysis.coverage().gaps().forEach(json::value);
        json.endArray().endObject();
        gc(json, analysis.gc());
        gcTimeline(json, analysis.gcTimeline());
        liveSet(json, analysis);
        typeGrowth(json, analysis.typeGrowth());
        candidates(json, analysis.candidates());
        sites(json, analysis.sites());
        kinds(json, analysis.kinds());
        if (!inputs.isEmpty()) {
            json.name("inputs").beginArray();
            for (Input input : inputs) {
                json.beginObject().name("file").value(input.name()).name("status").value(input.status())
                        .name("events").value(input.events()).name("message").value(input.message()).endObject();
            }
            json.endArray();
        }
        return json.endObject().toString() + "\n";
    }

    private static void findings(JsonWriter json, List<Finding> findings) {
        json.name("findings").beginArray();
        for (Finding finding : findings) {
            json.beginObject().name("rule").value(finding.rule().id())
                    .name("speaksFor").value(finding.rule().speaksFor().name())
                    .name("kind").value(finding.kind().name()).name("series").value(finding.series());
            json.name("values").beginObject();
            finding.values().forEach((name, value) -> json.name(name).value(value));
            json.endObject().name("thresholds").beginObject();
            finding.thresholds().forEach((name, value) -> json.name(name).value(value));
            json.endObject().endObject();
        }
        json.endArray();
    }

    private static void gc(JsonWriter json, List<GcWindowStatistics> windows) {
        json.name("gc").beginArray();
        for (GcWindowStatistics window : windows) {
            json.beginObject().name("window").value(window.name());
            json.name("from");
            instant(json, window.from());
            json.name("to");
            instant(json, window.to());
            json.name("gcTimeShare").value(window.gcTimeShare())
                    .name("allocationBytesPerSecond").value(window.allocationBytesPerSecond())
                    .name("promotionBytesPerSecond").value(window.promotionBytesPerSecond());
            json.name("kinds").beginArray();
            for (KindStatistics kind : window.kinds()) {
                json.beginObject().name("kind").value(kind.kind().name())
                        .name("count").value(kind.count())
                        .name("perMinute").value(kind.perMinute())
                        .name("reclaimedBytes").value(kind.reclaimedBytes())
                        .name("pauseSeconds").beginObject()
                        .name("p50").value(seconds(kind.pauses().p50()))
                        .name("p90").value(seconds(kind.pauses().p90()))
                        .name("p99").value(seconds(kind.pauses().p99()))
                        .name("max").value(seconds(kind.pauses().max()))
                        .endObject().endObject();
            }
            json.endArray().endObject();
        }
        json.endArray();
    }

    private static void gcTimeline(JsonWriter json, List<GcPoint> points) {
        json.name("gcTimeline").beginArray();
        for (GcPoint point : points) {
            json.beginObject().name("time").value(point.time().toString()).name("kind").value(point.kind().name())
                    .name("pauseSeconds").value(seconds(point.pause()))
                    .name("durationSeconds").value(seconds(point.duration()))
                    .name("collections").value(point.collections()).endObject();
        }
        json.endArray();
    }

    private static void liveSet(JsonWriter json, Analysis analysis) {
        json.name("liveSet").beginObject();
        json.name("maxHeapBytes").value(analysis.liveSet().maxHeapBytes());
        json.name("growthSuspected").value(analysis.liveSet().growthSuspected());
        json.name("latestFullCollection");
        instant(json, analysis.liveSet().latestFullCollection());
        json.name("trend");
        trend(json, analysis.liveSet().trend());
        json.name("trendSources").beginArray();
        analysis.liveSet().trendSources().stream().sorted().forEach(source -> json.value(source.name()));
        json.endArray();
        json.name("afterGcTrend");
        trend(json, analysis.liveSet().afterGcTrend());
        json.name("points").beginArray();
        for (LiveSetPoint point : analysis.liveSet().points()) {
            json.beginObject().name("time").value(point.time().toString()).name("bytes").value(point.bytes())
                    .name("source").value(point.source().name()).endObject();
        }
        json.endArray();
        json.name("afterGc").beginArray();
        for (HeapPoint point : analysis.liveSet().afterGc()) {
            json.beginObject().name("time").value(point.time().toString()).name("bytes").value(point.bytes())
                    .endObject();
        }
        json.endArray().endObject();
    }

    private static void trend(JsonWriter json, Trend trend) {
        if (trend == null) {
            json.nullValue();
            return;
        }
        json.beginObject().name("points").value(trend.points());
        json.name("from");
        instant(json, trend.from());
        json.name("to");
        instant(json, trend.to());
        json.name("slopeBytesPerMinute").value(trend.slopeBytesPerMinute())
                .name("fittedLatestBytes").value(trend.fittedLatestBytes())
                .name("noiseBytes").value(trend.noiseBytes())
                .name("logBayesFactor").value(trend.logBayesFactor())
                .name("slopeUpperBoundBytesPerMinute").value(trend.slopeUpperBoundBytesPerSecond() * 60);
        json.name("timeToExhaustionSeconds");
        if (trend.timeToExhaustion() == null) {
            json.nullValue();
        } else {
            json.value(seconds(trend.timeToExhaustion()));
        }
        json.endObject();
    }

    private static void typeGrowth(JsonWriter json, List<TypeGrowth> growth) {
        json.name("typeGrowth").beginArray();
        for (TypeGrowth type : growth) {
            json.beginObject().name("type").value(type.typeName())
                    .name("instancesFirst").value(type.instancesFirst())
                    .name("instancesLatest").value(type.instancesLatest())
                    .name("bytesFirst").value(type.bytesFirst())
                    .name("bytesLatest").value(type.bytesLatest())
                    .name("bytesPerMinute").value(type.bytesPerMinute())
                    .name("instancesPerMinute").value(type.instancesPerMinute())
                    .name("growingSteps").value(type.growingSteps())
                    .name("steps").value(type.steps())
                    .name("pValue").value(type.pValue())
                    .name("steady").value(type.steady())
                    .endObject();
        }
        json.endArray();
    }

    private static void candidates(JsonWriter json, List<LeakCandidate> candidates) {
        json.name("candidates").beginArray();
        int rank = 1;
        for (LeakCandidate candidate : candidates) {
            json.beginObject().name("rank").value(rank++)
                    .name("fingerprint").value(candidate.fingerprint())
                    .name("kind").value(candidate.kind().name())
                    .name("type").value(candidate.objectType())
                    .name("status").value(candidate.status().name());
            if (!candidate.namePattern().isEmpty()) {
                json.name("namePattern").value(candidate.namePattern());
            }
            json.name("growingTypes").beginArray();
            candidate.growingTypes().forEach(json::value);
            json.endArray();
            frames(json, "allocationSite", candidate.allocationSite());
            json.name("applicationFrame").value(candidate.applicationFrame());
            chain(json, candidate.referenceChain());
            json.name("rootDescription").value(candidate.rootDescription());
            accumulationPoint(json, candidate.accumulationPoint());
            json.name("liveSamples").value(candidate.liveSamples())
                    .name("oldestAgeSeconds").value(seconds(candidate.oldestAge()));
            json.name("firstSeen");
            instant(json, candidate.firstSeen());
            json.name("growthBytesPerMinute").value(candidate.growthBytesPerMinute())
                    .name("growthInstancesPerMinute").value(candidate.growthInstancesPerMinute())
                    .name("shareOfLiveSetGrowth").value(candidate.shareOfLiveSetGrowth())
                    .name("confidence").value(candidate.confidence());
            if (!candidate.exampleValue().isEmpty()) {
                json.name("exampleValue").value(candidate.exampleValue());
            }
            json.name("evidence").beginArray();
            for (Evidence evidence : candidate.evidence()) {
                json.beginObject().name("signal").value(evidence.signal().name())
                        .name("summary").value(evidence.summary()).endObject();
            }
            json.endArray().endObject();
        }
        json.endArray();
    }

    private static void kinds(JsonWriter json, List<KindReport> kinds) {
        json.name("kinds").beginArray();
        for (KindReport kind : kinds) {
            json.beginObject().name("kind").value(kind.kind().name()).name("series").value(kind.series())
                    .name("unit").value(kind.kind().unit().name()).name("recorded").value(kind.recorded())
                    .name("note").value(kind.note()).name("verdict").value(kind.verdict().name())
                    .name("growthSuspected").value(kind.growthSuspected());
            json.name("projectedExhaustionSeconds");
            if (kind.projectedExhaustion() == null) {
                json.nullValue();
            } else {
                json.value(seconds(kind.projectedExhaustion()));
            }
            json.name("maxValue").value(kind.maxValue());
            findings(json, kind.findings());
            json.name("reason").value(kind.reason());
            json.name("trend");
            seriesTrend(json, kind.trend());
            seriesPoints(json, "points", kind.points());
            seriesPoints(json, "samples", kind.samples());
            json.endObject();
        }
        json.endArray();
    }

    private static void seriesTrend(JsonWriter json, SeriesTrend trend) {
        if (trend == null) {
            json.nullValue();
            return;
        }
        json.beginObject().name("points").value(trend.points());
        json.name("from");
        instant(json, trend.from());
        json.name("to");
        instant(json, trend.to());
        json.name("slopePerMinute").value(trend.slopePerMinute())
                .name("fittedLatest").value(trend.fittedLatest())
                .name("noise").value(trend.noise())
                .name("logBayesFactor").value(trend.logBayesFactor())
                .name("slopeUpperBoundPerMinute").value(trend.slopeUpperBoundPerSecond() * 60);
        json.name("timeToExhaustionSeconds");
        if (trend.timeToExhaustion() == null) {
            json.nullValue();
        } else {
            json.value(seconds(trend.timeToExhaustion()));
        }
        json.endObject();
    }

    private static void seriesPoints(JsonWriter json, String name, List<SeriesPoint> points) {
        json.name(name).beginArray();
        for (SeriesPoint point : points) {
            json.beginObject().name("time").value(point.time().toString()).name("value").value(point.value())
                    .endObject();
        }
        json.endArray();
    }

    private static void sites(JsonWriter json, List<SiteSummary> sites) {
        json.name("sites").beginArray();
        for (SiteSummary site : sites) {
            json.beginObject().name("type").value(site.objectType());
            frames(json, "allocationSite", site.allocationSite());
            accumulationPoint(json, site.accumulationPoint());
            json.name("liveSamples").value(site.liveSamples())
                    .name("liveSamplesAtFirst").value(site.liveSamplesAtFirst())
                    .name("arrivalSnapshots").value(site.arrivalSnapshots())
                    .name("retention").value(site.retention())
                    .name("liveSampleBytes").value(site.liveSampleBytes())
                    .name("oldestAgeSeconds").value(seconds(site.oldestAge()))
                    .name("accumulating").value(site.accumulating())
                    .name("steady").value(site.steady())
                    .endObject();
        }
        json.endArray();
    }

    private static void frames(JsonWriter json, String name, List<StackFrame> frames) {
        json.name(name).beginArray();
        for (StackFrame frame : frames) {
            json.beginObject().name("type").value(frame.typeName()).name("method").value(frame.methodName())
                    .name("line").value(frame.lineNumber()).endObject();
        }
        json.endArray();
    }

    private static void chain(JsonWriter json, List<ReferenceStep> chain) {
        json.name("referenceChain").beginArray();
        for (ReferenceStep step : chain) {
            json.beginObject().name("holderType").value(step.holderType())
                    .name("field").value(step.fieldName())
                    .name("static").value(step.isStatic());
            if (step.isStatic()) {
                json.name("staticOwner").value(step.staticOwner());
            }
            if (step.isArray()) {
                json.name("arrayIndex").value(step.arrayIndex()).name("arraySize").value(step.arraySize());
            }
            if (step.skipped() > 0) {
                json.name("skipped").value(step.skipped());
            }
            if (step.isMisnamed()) {
                json.name("jvmField").value(step.jvmFieldName());
            }
            json.name("text").value(step.describe()).endObject();
        }
        json.endArray();
    }

    private static void accumulationPoint(JsonWriter json, AccumulationPoint point) {
        json.name("accumulationPoint");
        if (point == null) {
            json.nullValue();
            return;
        }
        json.beginObject().name("container").value(point.describeContainer())
                .name("containerType").value(point.containerType())
                .name("knownContainer");
        if (point.knownContainer() == null) {
            json.nullValue();
        } else {
            json.value(point.knownContainer());
        }
        json.name("storage").value(point.describeStorage());
        json.name("linked").value(point.linked());
        json.name("storageIndex").value(point.storageIndex())
                .name("containerIndex").value(point.containerIndex())
                .name("suspectIndex").value(point.suspectIndex());
        json.name("suspectReference");
        if (point.suspect() == null) {
            json.nullValue();
        } else {
            json.value(point.suspect().describe());
        }
        json.name("heldBy").beginArray();
        point.containerHeldBy().forEach(step -> json.value(step.describe()));
        json.endArray();
        json.name("firstSize").value(point.firstSize()).name("latestSize").value(point.latestSize())
                .name("text").value(point.describe()).endObject();
    }

    private static void instant(JsonWriter json, Instant instant) {
        if (instant == null) {
            json.nullValue();
        } else {
            json.value(instant.toString());
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
