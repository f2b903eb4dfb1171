package io.leakwatch.core.internal;

import io.leakwatch.core.ApplicationCode;
import io.leakwatch.core.ObjectSample;
import io.leakwatch.core.StackFrame;

import java.util.ArrayList;
import java.util.List;

/**
 * Identifies an allocation site: the object type and the innermost frames down to and including the first
 * {@value #APPLICATION_FRAMES} frames of application code ({@link ApplicationCode}), however deep they are (a
 * library that allocates, a scripting engine compiling a script, can be dozens of frames above the application's
 * call), at most {@value #MAX_FRAMES} (JFR's default stack depth). JDK and library frames alone say nothing about
 * which code leaks; frames deeper than the application's callers would split one leak into many sites.
 */
record SiteKey(String objectType, List<StackFrame> frames) {
    static final int APPLICATION_FRAMES = 2;
    static final int MAX_FRAMES = 64;

    static SiteKey of(ObjectSample sample, ApplicationCode code) {
        return new SiteKey(sample.objectType(), frames(sample.allocationStack(), code));
    }

    /** The frames of a stack that identify its site. */
    static List<StackFrame> frames(List<StackFrame> stack, ApplicationCode code) {
        List<StackFrame> frames = new ArrayList<>();
        int applicationFrames = 0;
        for (StackFrame frame : stack) {
            if (frames.size() == MAX_FRAMES || applicationFrames == APPLICATION_FRAMES) {
                break;
            }
            frames.add(frame);
            if (code.isApplication(frame)) {
                applicationFrames++;
            }
        }
        return List.copyOf(frames);
    }
}
