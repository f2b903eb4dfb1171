package io.leakwatch.jfr.internal;

import io.leakwatch.core.ClassHistogram;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text of the JVM's {@code GC.class_histogram} diagnostic command:
 * <pre>
 *  num     #instances         #bytes  class name (module)
 * -------------------------------------------------------
 *    1:          9672         446800  [B (java.base@17.0.15)
 * Total         40338        1757328
 * </pre>
 * The same format is printed by JDK 17 and 25.
 */
final class ClassHistogramParser {
    private static final Pattern LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)(?:\\s+\\(.*\\))?\\s*$");
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)\\s*$");

    /**
     * @param entries        the lines, largest first, as the JVM printed them
     * @param totalInstances the total line's instance count
     * @param totalBytes     the total line's bytes
     */
    record Parsed(List<ClassHistogram.Entry> entries, long totalInstances, long totalBytes) {
    }

    private ClassHistogramParser() {
    }

    /** @throws IllegalArgumentException when the text has no histogram lines and no total line */
    static Parsed parse(String text) {
        List<ClassHistogram.Entry> entries = new ArrayList<>();
        long totalInstances = -1;
        long totalBytes = -1;
        for (String line : text.split("\\R")) {
            Matcher entry = LINE.matcher(line);
            if (entry.matches()) {
                entries.add(new ClassHistogram.Entry(JavaTypeName.of(entry.group(3)), Long.parseLong(entry.group(1)),
                        Long.parseLong(entry.group(2))));
                continue;
            }
            Matcher total = TOTAL.matcher(line);
            if (total.matches()) {
                totalInstances = Long.parseLong(total.group(1));
                totalBytes = Long.parseLong(total.group(2));
            }
        }
        if (totalBytes < 0) {
            throw new IllegalArgumentException("not a class histogram (no 'Total' line): "
                    + text.substring(0, Math.min(200, text.length())));
        }
        return new Parsed(entries, totalInstances, totalBytes);
    }
}
