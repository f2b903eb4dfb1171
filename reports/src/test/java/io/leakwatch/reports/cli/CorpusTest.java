package io.leakwatch.reports.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every recording of {@code shared/corpus} (real files from other projects, JDK 8 to 25) gets a result or one clear
 * line naming the file and the cause: never a stack trace, never an empty success. Runs where the corpus exists
 * beside the repository (CI has it; a user's clone does not).
 */
class CorpusTest {

    @TestFactory
    Stream<DynamicTest> everyCorpusFileGetsAVerdictOrOneClearLine() throws IOException {
        Path corpus = findCorpus();
        Assumptions.assumeTrue(corpus != null, "shared/corpus is not beside this checkout");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".jfr")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(corpus.relativize(file).toString(), () -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = LeakwatchCli.run(new String[]{"analyze", file.toString()}, new PrintWriter(out),
                    new PrintWriter(err));
            System.out.printf("corpus %s: exit %d; %s%s%n", corpus.relativize(file), code,
                    firstLine(out.toString(), 1), firstLine(err.toString(), 0));
            assertThat(err.toString()).doesNotContain("Exception", "\tat ");
            assertThat(code).isIn(LeakwatchCli.NO_LEAK, LeakwatchCli.LEAK, LeakwatchCli.INCONCLUSIVE,
                    LeakwatchCli.UNREADABLE);
            if (code == LeakwatchCli.UNREADABLE) {
                assertThat(err.toString()).contains(file.toString());
                assertThat(out.toString()).isEmpty();
            } else {
                assertThat(out.toString()).startsWith("Leakwatch verdict: ");
            }
        }));
    }

    private static String firstLine(String text, int index) {
        String[] lines = text.split("\\R");
        return lines.length > index ? lines[index].trim() : "";
    }

    /** {@code shared/corpus} beside the checkout: looked for from the working directory upwards. */
    private static Path findCorpus() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("corpus");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
