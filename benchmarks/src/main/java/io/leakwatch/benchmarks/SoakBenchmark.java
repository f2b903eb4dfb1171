package io.leakwatch.benchmarks;

import io.leakwatch.examples.zoo.ZooRunner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Soak: a healthy service (the zoo's request churn) runs for N minutes under the monitor at its default settings.
 * Each minute, a class histogram of the child ({@code jcmd GC.class_histogram}) gives the bytes held by Leakwatch's
 * and JFR's own classes, and the output directory's size is measured; both must stay flat.
 *
 * <p>Options: {@code --minutes N} (default 30); {@code --max-age D} bounds the evidence recording's history
 * ({@code leakwatch.maxAge}, default 30m), so that a soak longer than it shows the disk use levelling off.
 */
final class SoakBenchmark {
    private static final Pattern LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");

    private SoakBenchmark() {
    }

    static void run(String[] args) throws Exception {
        long minutes = 30;
        String maxAge = "30m";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--minutes" -> minutes = Long.parseLong(args[++i]);
                case "--max-age" -> maxAge = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path work = Files.createTempDirectory("leakwatch-soak");
        Path out = work.resolve("leakwatch");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dleakwatch.dir=" + out, "-Dleakwatch.maxAge=" + maxAge, "-cp", System.getProperty("java.class.path"),
                ZooRunner.class.getName(), "request-churn", Long.toString(minutes * 60 + 30));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("child.log").toFile()).start();
        System.out.printf("# request-churn under LeakMonitor defaults (maxAge %s) for %d min, -Xmx256m, G1; pid %d%n",
                maxAge, minutes, child.pid());
        System.out.println("| minute | Leakwatch objects | Leakwatch bytes | JFR objects | JFR bytes | output dir |"
                + " leakwatch threads |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        for (long minute = 1; minute <= minutes && child.isAlive(); minute++) {
            child.waitFor(1, TimeUnit.MINUTES);
            if (!child.isAlive()) {
                break;
            }
            long[] own = new long[4];
            for (String line : jcmd(child.pid(), "GC.class_histogram").split("\\R")) {
                Matcher matcher = LINE.matcher(line);
                if (!matcher.matches()) {
                    continue;
                }
                int offset = matcher.group(3).contains("io.leakwatch") ? 0 : matcher.group(3).contains("jdk.jfr") ? 2
                        : -1;
                if (offset >= 0) {
                    own[offset] += Long.parseLong(matcher.group(1));
                    own[offset + 1] += Long.parseLong(matcher.group(2));
                }
            }
            long threads = jcmd(child.pid(), "Thread.print").lines().filter(l -> l.startsWith("\"leakwatch-")).count();
            System.out.printf(Locale.ROOT, "| %d | %d | %.1f MB | %d | %.1f MB | %.1f MB | %d |%n", minute, own[0],
                    own[1] / 1e6, own[2], own[3] / 1e6, directorySize(out) / 1e6, threads);
        }
        child.waitFor(2, TimeUnit.MINUTES);
        String log = Files.readString(work.resolve("child.log"), StandardCharsets.UTF_8);
        log.lines().filter(l -> l.startsWith("verdict") || l.startsWith("reason")).forEach(System.out::println);
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true)
                .start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return text;
    }

    private static long directorySize(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }
}
