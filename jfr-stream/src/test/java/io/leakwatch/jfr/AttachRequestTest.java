package io.leakwatch.jfr;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.leakwatch.jfr.TestMonitors.config;
import static io.leakwatch.jfr.TestMonitors.leakwatchThreads;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's answers to attach requests, called here as the JVM calls {@code agentmain} after a dynamic load;
 * {@code leakwatch attach} in real JVMs is tested in the examples module.
 */
class AttachRequestTest {

    @AfterEach
    void stopAndClearReply() {
        LeakwatchAgent.agentmain("attach=cleanup,stop", null);
        System.clearProperty(AttachReply.PROPERTY);
    }

    @Test
    void startThenStopAnswersWithTheEvidenceFileAndLeavesNoThread(@TempDir Path dir) {
        AttachReply started = request("attach=a1,dir=" + dir + ",snapshotInterval=1s,inspection=off");
        assertThat(started.requestId()).isEqualTo("a1");
        assertThat(started.outcome()).isEqualTo(AttachReply.Outcome.STARTED);
        assertThat(started.outputDirectory()).isEqualTo(dir.toAbsolutePath());
        assertThat(started.evidenceFile().getParent()).isEqualTo(dir.toAbsolutePath());
        assertThat(LeakMonitor.running()).isNotNull();

        AttachReply again = request("attach=a2,dir=" + dir.resolve("other"));
        assertThat(again.outcome()).isEqualTo(AttachReply.Outcome.ALREADY_RUNNING);
        assertThat(again.evidenceFile()).isEqualTo(started.evidenceFile());
        assertThat(again.message()).contains("earlier leakwatch attach");

        AttachReply stopped = request("attach=a3,stop");
        assertThat(stopped.outcome()).isEqualTo(AttachReply.Outcome.STOPPED);
        assertThat(stopped.evidenceFile()).isEqualTo(started.evidenceFile()).exists();
        assertThat(LeakMonitor.running()).isNull();
        assertThat(leakwatchThreads()).isEmpty();

        AttachReply nothing = request("attach=a4,stop");
        assertThat(nothing.outcome()).isEqualTo(AttachReply.Outcome.NOT_RUNNING);
        assertThat(nothing.message()).isEqualTo("no monitor runs in this JVM");
    }

    @Test
    void aMonitorTheApplicationStartedIsReportedAndNeverStopped(@TempDir Path dir) {
        try (LeakMonitor own = LeakMonitor.start(config(dir))) {
            AttachReply found = request("attach=b1");
            assertThat(found.outcome()).isEqualTo(AttachReply.Outcome.ALREADY_RUNNING);
            assertThat(found.message()).contains("started by the application");
            assertThat(found.evidenceFile()).isEqualTo(own.evidenceFile());

            AttachReply refused = request("attach=b2,stop");
            assertThat(refused.outcome()).isEqualTo(AttachReply.Outcome.NOT_RUNNING);
            assertThat(refused.message()).contains("started by the application", "left running");
            assertThat(own.isActive()).isTrue();
        }
    }

    @Test
    void aBadSettingFailsWithTheSettingNamed(@TempDir Path dir) {
        AttachReply failed = request("attach=c1,dir=" + dir + ",snapshotInterval=soon");

        assertThat(failed.outcome()).isEqualTo(AttachReply.Outcome.FAILED);
        assertThat(failed.message()).contains("leakwatch.snapshotInterval=soon");
        assertThat(LeakMonitor.running()).isNull();
    }

    @Test
    void aReplyReadsBackAsItWasWritten() {
        AttachReply reply = new AttachReply("7f", AttachReply.Outcome.STARTED, Path.of("/var/log/lw"),
                Path.of("/var/log/lw/leakwatch-12.jfr"), "two\nlines");

        assertThat(AttachReply.decode(reply.encode())).isEqualTo(new AttachReply("7f", AttachReply.Outcome.STARTED,
                Path.of("/var/log/lw"), Path.of("/var/log/lw/leakwatch-12.jfr"), "two lines"));
    }

    private static AttachReply request(String arguments) {
        LeakwatchAgent.agentmain(arguments, null);
        return AttachReply.decode(System.getProperty(AttachReply.PROPERTY));
    }
}
