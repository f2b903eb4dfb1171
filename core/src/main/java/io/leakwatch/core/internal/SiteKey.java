package io.leakwatch.core.internal;

import io.leakwatch.core.ObjectSample;
import io.leakwatch.core.StackFrame;

import java.util.ArrayList;
import java.util.List;

/**
 * Identifies an allocation site: the object type and the innermost frames down to and including the first
 * {@value #APPLICATION_FRAMES} application (non-JDK) frames. JDK frames alone ({@code Arrays.copyOf},
 * {@code HashMap.resize}) say nothing about which code leaks; frames deeper than the application's callers would
 * split one leak into many sites.
 */
record SiteKey(String objectType, List<StackFrame> frames) {
    static final int APPLICATION_FRAMES = 2;
    static final int MAX_FRAMES = 12;

    static SiteKey of(ObjectSample sample) {
        List<StackFrame> frames = new ArrayList<>();
        int applicationFrames = 0;
        for (StackFrame frame : sample.allocationStack()) {
            if (frames.size() == MAX_FRAMES || applicationFrames == APPLICATION_FRAMES) {
                break;
            }
            frames.add(frame);
            if (!frame.isJdkFrame()) {
                applicationFrames++;
            }
        }
        return new SiteKey(sample.objectType(), List.copyOf(frames));
    }
}
