package io.leakwatch.jfr.internal;

import io.leakwatch.jfr.internal.log.Log;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Writes the monitor's recording out as the evidence file: at every snapshot (on the worker thread), on
 * {@code dump(Path)} (on the caller's thread), and at exit. Dumps are serialised by a lock, which also guards
 * {@link #closed}. A dump is also what makes the JVM emit its old-object samples (DESIGN.md fact 1), so each
 * snapshot feeds the analysis too.
 */
final class EvidenceWriter {
    /** A failure to write is logged again after this long, not at every attempt. */
    private static final long WARNING_PERIOD_NANOS = TimeUnit.MINUTES.toNanos(5);
    /** JFR's shutdown hook writes a recording of the default 64 MB bound out in well under a second. */
    private static final Duration EXIT_WRITE_TIMEOUT = Duration.ofSeconds(5);
    private static final Log LOG = Log.get();

    private final Recording recording;
    private final Path evidenceFile;
    /** Where JFR writes the recording when it stops (at exit), before it replaces the evidence file. */
    private final Path exitFile;
    private final Object lock = new Object();
    // Guarded by lock.
    private boolean closed;
    private long lastWarningNanos = Long.MIN_VALUE / 2;

    EvidenceWriter(Recording recording, Path evidenceFile, Path exitFile) {
        this.recording = recording;
        this.evidenceFile = evidenceFile;
        this.exitFile = exitFile;
    }

    Path evidenceFile() {
        return evidenceFile;
    }

    /**
     * Makes JFR write the recording to {@link #exitFile} when it stops; call before the recording starts. At JVM
     * exit, JFR's own shutdown hook stops every recording and deletes its disk repository, and it usually runs before
     * the monitor's hook (all hooks start at once): a dump from the monitor's hook then found the chunk files gone,
     * JFR printed "Chunkfile ... is missing", and the evidence since the last snapshot was lost (5 of 6 runs of a
     * short program). With a destination, JFR's hook writes the recording itself, before it deletes anything. The
     * destination is a file of its own because JFR appends to it, and it must exist then.
     */
    void prepareExitEvidence() {
        try {
            recording.setDestination(exitFile); // JFR creates it now, empty
            recording.setDumpOnExit(true);
            PrivateFiles.restrict(exitFile);
        } catch (IOException | RuntimeException e) {
            LOG.debug(() -> "no evidence will be written at exit to " + exitFile, e);
        }
    }

    /** Worker thread: the JVM emits its old-object samples into the recording, and the evidence file is rewritten. */
    void snapshot() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            Path temporary = evidenceFile.resolveSibling(evidenceFile.getFileName() + ".tmp");
            try {
                long start = System.nanoTime();
                recording.dump(temporary);
                PrivateFiles.replace(temporary, evidenceFile);
                LOG.debug(() -> "snapshot and evidence dump took " + (System.nanoTime() - start) / 1_000_000 + " ms");
            } catch (IOException | RuntimeException e) {
                deleteQuietly(temporary); // a partial dump on a full disk would starve analysis.json of space
                long now = System.nanoTime();
                if (now - lastWarningNanos >= WARNING_PERIOD_NANOS) {
                    lastWarningNanos = now;
                    LOG.warn("cannot write the evidence recording " + evidenceFile + " (" + e + "); monitoring goes on");
                }
            }
        }
    }

    /** Any thread: writes the evidence so far to {@code target}. */
    void dump(Path target) throws IOException {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the monitor is closed");
            }
            recording.dump(target);
            PrivateFiles.restrict(target);
        }
    }

    /** Writes the evidence a last time before the monitor closes, and tells JFR not to write it again at exit. */
    void writeLast() {
        snapshot();
        synchronized (lock) {
            closed = true;
            try {
                if (recording.getState() == RecordingState.RUNNING) {
                    recording.setDestination(null);
                }
            } catch (IOException | IllegalStateException e) {
                LOG.debug(() -> "cannot clear the recording's destination", e);
            }
            deleteQuietly(exitFile);
        }
    }

    /** The monitor did not start: nothing is written, and the file prepared for exit is removed. */
    void abandon() {
        synchronized (lock) {
            closed = true;
            deleteQuietly(exitFile);
        }
    }

    /**
     * Writes the evidence while the JVM exits: JFR's shutdown hook stops the recording, which writes it to its
     * destination (and makes the JVM emit its last old-object samples into it), then closes it; then the file
     * becomes the evidence. The monitor must not stop the recording itself: between stopping it and writing it out,
     * {@code Recording.stop()} lets go of the recorder's lock, and JFR's hook, finding the recording no longer
     * running, deleted the chunk files in that gap (1 run in 6).
     */
    void writeAtExit() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (!Files.exists(exitFile)) {
                return;
            }
            try {
                if (awaitClosed() && Files.size(exitFile) > 0) {
                    PrivateFiles.replace(exitFile, evidenceFile);
                } else {
                    LOG.warn("JFR did not write the evidence recording at exit; " + evidenceFile
                            + " holds the last snapshot");
                }
            } catch (IOException e) {
                LOG.warn("cannot write the evidence recording " + evidenceFile + " at exit (" + e + ")");
            } finally {
                deleteQuietly(exitFile);
            }
        }
    }

    /** Waits until JFR has written and closed the recording; false if that takes too long (a failed write). */
    private boolean awaitClosed() {
        long deadline = System.nanoTime() + EXIT_WRITE_TIMEOUT.toNanos();
        // getState() takes the recorder's lock, which JFR holds while it writes the recording out.
        while (recording.getState() != RecordingState.CLOSED) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug(() -> "cannot delete " + file, e);
        }
    }
}
