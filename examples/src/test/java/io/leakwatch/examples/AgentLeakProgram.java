package io.leakwatch.examples;

import io.leakwatch.examples.zoo.Scenario;
import io.leakwatch.examples.zoo.Zoo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * A leaking program that knows nothing of Leakwatch, for the agent: {@code AgentLeakProgram <scenario>
 * <max seconds> <leakwatch dir>}. It runs a zoo scenario until the monitor's {@code analysis.json} says {@code LEAK}
 * (which the monitor writes right after logging its warning), then ends at once. It prints the most
 * {@code leakwatch-*} threads it saw at one time and their names, sampled every 100 ms.
 */
public final class AgentLeakProgram {
    private AgentLeakProgram() {
    }

    public static void main(String[] args) throws Exception {
        Scenario scenario = Zoo.create(args[0]);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(Long.parseLong(args[1]));
        Path analysis = Path.of(args[2], "analysis.json");
        Set<String> names = new TreeSet<>();
        int most = 0;
        long nextLook = 0;
        long leakAfterSeconds = -1;
        while (System.nanoTime() < end) {
            scenario.step();
            long now = System.nanoTime();
            if (now >= nextLook) {
                nextLook = now + TimeUnit.MILLISECONDS.toNanos(100);
                List<String> threads = leakwatchThreads();
                names.addAll(threads);
                most = Math.max(most, threads.size());
                if (saysLeak(analysis)) {
                    leakAfterSeconds = TimeUnit.NANOSECONDS.toSeconds(now - start);
                    break;
                }
            }
        }
        System.out.println("leakAfterSeconds=" + leakAfterSeconds);
        System.out.println("leakwatchThreadsAtOnce=" + most);
        System.out.println("leakwatchThreadNames=" + String.join(" ", names));
        System.out.println("agent leak program done");
    }

    private static boolean saysLeak(Path analysis) {
        try {
            return Files.exists(analysis) && Files.readString(analysis).contains("\"verdict\": \"LEAK\"");
        } catch (IOException e) {
            return false; // being replaced at this moment; the next look reads it
        }
    }

    private static List<String> leakwatchThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("leakwatch-")).toList();
    }
}
