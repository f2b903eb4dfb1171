/**
 * Leakwatch's public API on JDK Flight Recorder.
 *
 * <ul>
 *   <li>{@link io.leakwatch.jfr.LeakMonitor}: watches this JVM; {@code start()}, {@code snapshot()},
 *       {@code dump(Path)}, {@code close()}.</li>
 *   <li>{@link io.leakwatch.jfr.LeakMonitorConfig}: its settings, also from {@code leakwatch.*} properties.</li>
 *   <li>{@link io.leakwatch.jfr.LeakListener}: hears verdict changes.</li>
 *   <li>{@link io.leakwatch.jfr.RecordingAnalyzer}: analyses {@code .jfr} files and directories offline, giving a
 *       {@link io.leakwatch.jfr.RecordingAnalysis} with a {@link io.leakwatch.jfr.FileReport} per file.</li>
 *   <li>{@link io.leakwatch.jfr.LeakwatchAgent}: the {@code -javaagent} entry point, and the agent that
 *       {@code leakwatch attach} loads into a running JVM, answering with an {@link io.leakwatch.jfr.AttachReply}.</li>
 *   <li>{@link io.leakwatch.jfr.HeapInspection}: a class histogram of this JVM's live objects, on demand.</li>
 * </ul>
 */
package io.leakwatch.jfr;
