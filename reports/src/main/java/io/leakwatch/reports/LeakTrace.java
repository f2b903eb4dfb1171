package io.leakwatch.reports;

import io.leakwatch.core.AccumulationPoint;
import io.leakwatch.core.LeakCandidate;
import io.leakwatch.core.ReferenceStep;
import io.leakwatch.core.TypeNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A candidate's reference chain as a person reads it, after LeakCanary's leak trace: root first, one reference per
 * line (a run of links as one), the steps that matter marked on their own line by index, never by matching text:
 * the suspect reference (the application's field), the container and the storage the objects accumulate in. Ends
 * with the sampled object, which the first step refers to. The text and HTML reports render these lines.
 */
final class LeakTrace {
    /** What a line is marked as. */
    enum Mark {
        SUSPECT, CONTAINER, STORAGE
    }

    /**
     * One line: the reference, and what it is marked as with the words that say so (empty when unmarked).
     *
     * @param text  the reference ({@code HashMap.table}, {@code static Shop.CARTS}, {@code Object[6000]})
     * @param marks what the line is marked as, most important first
     * @param note  the words of the marks, for example {@code suspect reference: the application's field}
     */
    record Line(String text, List<Mark> marks, String note) {
    }

    private LeakTrace() {
    }

    /** The candidate's lines, root first, the sampled object last; empty when it has no chain. */
    static List<Line> of(LeakCandidate candidate) {
        AccumulationPoint point = candidate.accumulationPoint();
        List<ReferenceStep> chain = point != null ? point.chain() : candidate.referenceChain();
        List<Line> lines = new ArrayList<>();
        if (chain.isEmpty()) {
            return lines;
        }
        List<ReferenceStep.Line> nearestFirst = ReferenceStep.lines(chain);
        for (int i = nearestFirst.size() - 1; i >= 0; i--) {
            ReferenceStep.Line line = nearestFirst.get(i);
            List<Mark> marks = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            if (point != null && point.suspectIndex() >= 0 && line.covers(point.suspectIndex())) {
                marks.add(Mark.SUSPECT);
                notes.add("suspect reference: the application's field that holds the container");
            }
            if (point != null && point.containerIndex() != point.storageIndex()
                    && line.covers(point.containerIndex())) {
                marks.add(Mark.CONTAINER);
                notes.add("container: " + (point.knownContainer() == null ? "" : point.knownContainer() + " ")
                        + TypeNames.simple(point.containerType()) + ", whose size grows");
            }
            if (point != null && line.covers(point.storageIndex())) {
                marks.add(Mark.STORAGE);
                notes.add(String.format(Locale.ROOT, "accumulation point (%d %s, %d when first seen)",
                        point.latestSize(), point.linked() ? "links" : "elements", point.firstSize()));
            }
            String text = point != null && line.covers(point.storageIndex()) && !point.linked()
                    ? point.describeStorage() : line.text();
            lines.add(new Line(text, marks, String.join("; ", notes)));
        }
        if (point != null && point.storageIsSampled()) {
            // The chain was read led by the sampled array itself (no element of it is on the way to the sample).
            Line storage = lines.remove(lines.size() - 1);
            lines.add(new Line(storage.text(), storage.marks(), storage.note() + "; the sampled object"));
        } else {
            lines.add(new Line("the sampled object", List.of(), ""));
        }
        return lines;
    }
}
