package io.leakwatch.jfr.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Recordings written by async-profiler 4.0 ({@code tools.profiler:async-profiler}, whose jar carries the native
 * library): a child JVM runs {@link AllocatingProgram} with the library as {@code -agentpath}, profiling CPU
 * ({@code itimer}, which needs no perf events) and allocations.
 */
public final class AsyncProfilerRecordings {
    private AsyncProfilerRecordings() {
    }

    /** The library for this machine in the jar, or null where it has none (it has linux-x64, linux-arm64, macOS). */
    public static String libraryResource() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        String platform = os.contains("mac") ? "macos" : os.contains("linux")
                ? (arch.equals("amd64") || arch.equals("x86_64") ? "linux-x64" : arch.equals("aarch64")
                ? "linux-arm64" : null) : null;
        String resource = platform == null ? null : platform + "/libasyncProfiler.so";
        return resource != null && AsyncProfilerRecordings.class.getClassLoader().getResource(resource) != null
                ? resource : null;
    }

    /**
     * Records {@link AllocatingProgram} with async-profiler into {@code file}: its own JFR output, or with
     * {@code jfrsync} merged with a JDK recording of the default settings (a chunk of each).
     */
    public static Path record(Path dir, Path file, boolean jfrsync) throws IOException, InterruptedException {
        Path library = dir.resolve("libasyncProfiler.so");
        if (!Files.exists(library)) {
            try (InputStream in = AsyncProfilerRecordings.class.getClassLoader()
                    .getResourceAsStream(libraryResource())) {
                Files.copy(in, library);
            }
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx128m");
        command.add("-agentpath:" + library + "=start,event=itimer,alloc,file=" + file
                + (jfrsync ? ",jfrsync=default" : ",jfr"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(AllocatingProgram.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(file.getFileName() + ".log").toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the profiled JVM did not end within 60 s");
        }
        if (process.exitValue() != 0 || !Files.exists(file)) {
            throw new IllegalStateException("the profiled JVM exited with " + process.exitValue() + ": "
                    + Files.readString(dir.resolve(file.getFileName() + ".log")));
        }
        return file;
    }

    /** Allocates byte arrays for a second, keeping some, with a few full collections. */
    public static final class AllocatingProgram {
        private AllocatingProgram() {
        }

        public static void main(String[] args) {
            List<byte[]> kept = new ArrayList<>();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            for (int i = 0; System.nanoTime() < end; i++) {
                kept.add(new byte[1000 + i % 5000]);
                if (kept.size() > 20_000) {
                    kept.subList(0, 10_000).clear();
                    System.gc();
                }
            }
            System.out.println("kept " + kept.size());
        }
    }
}
