package io.leakwatch.jfr.internal;

import io.leakwatch.core.StackFrame;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;

import java.util.ArrayList;
import java.util.List;

/** A recorded stack trace as core frames, innermost first; frames without a method (hidden frames) are left out. */
final class StackTraces {
    private StackTraces() {
    }

    static List<StackFrame> frames(RecordedStackTrace stackTrace) {
        if (stackTrace == null) {
            return List.of();
        }
        List<StackFrame> frames = new ArrayList<>();
        for (RecordedFrame frame : stackTrace.getFrames()) {
            if (frame.getMethod() == null || frame.getMethod().getType() == null) {
                continue;
            }
            frames.add(new StackFrame(JavaTypeName.of(frame.getMethod().getType().getName()),
                    frame.getMethod().getName(), frame.getLineNumber()));
        }
        return frames;
    }
}
