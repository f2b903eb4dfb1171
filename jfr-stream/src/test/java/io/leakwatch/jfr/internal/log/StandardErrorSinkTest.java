package io.leakwatch.jfr.internal.log;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Without SLF4J, a message is one whole line on standard error, its cause on the same line. */
@ResourceLock(Resources.SYSTEM_ERR)
class StandardErrorSinkTest {

    @Test
    void aWarningWithItsCauseIsOneLineAndDebugIsLeftOut() {
        String printed = capturingStandardError(() -> {
            Log log = new Log(new StandardErrorSink(), Destination.STANDARD_ERROR);
            log.warn("cannot write /x/analysis.json", new IOException("No space left on device"));
            log.debug(() -> "not shown");
            log.info("monitoring the heap");
        });

        assertThat(printed.lines()).containsExactly(
                "[leakwatch] WARN cannot write /x/analysis.json (java.io.IOException: No space left on device)",
                "[leakwatch] INFO monitoring the heap");
    }

    private static String capturingStandardError(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
