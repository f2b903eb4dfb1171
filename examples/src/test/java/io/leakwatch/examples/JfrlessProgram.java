package io.leakwatch.examples;

import io.leakwatch.jfr.LeakMonitor;

/** Starts the monitor in a JVM that may have no Flight Recorder, and says what happened. */
public final class JfrlessProgram {
    private JfrlessProgram() {
    }

    public static void main(String[] args) {
        try (LeakMonitor monitor = LeakMonitor.start()) {
            System.out.println("started active=" + monitor.isActive());
            System.out.println("snapshot=" + monitor.snapshot().reason());
        } catch (IllegalStateException e) {
            System.out.println("failed=" + e.getMessage());
        }
        System.out.println("program done");
    }
}
