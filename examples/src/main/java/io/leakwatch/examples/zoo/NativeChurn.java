package io.leakwatch.examples.zoo;

import io.leakwatch.core.LeakKind;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Healthy (native memory): code that the JIT compiles as it warms up (regular expressions, streams, decimal
 * arithmetic, formatting), so compiled code and the compiler's memory grow and level off, beside native memory
 * allocated and freed per request. Needs {@code -XX:NativeMemoryTracking=summary}.
 */
final class NativeChurn implements Scenario {
    private static final Pattern WORDS = Pattern.compile("(\\w+)@(\\w+)\\.com");
    private final NativeMemory memory = new NativeMemory();
    private long requests;
    private static volatile Object sink;

    @Override
    public String description() {
        return "healthy: the JIT warming up, and native memory allocated and freed";
    }

    @Override
    public String leakingClass() {
        return null;
    }

    @Override
    public LeakKind kind() {
        return LeakKind.NATIVE_MEMORY;
    }

    @Override
    public List<String> jvmOptions() {
        return List.of("-XX:NativeMemoryTracking=summary");
    }

    @Override
    public void step() throws InterruptedException {
        long address = memory.allocate(16 * 1024);
        requests++;
        sink = WORDS.matcher("user" + requests + "@example.com").replaceAll("$2:$1");
        sink = IntStream.range(0, 200).mapToObj(i -> Long.toString(i * requests)).filter(s -> s.endsWith("7"))
                .count();
        sink = new BigDecimal(requests).divide(BigDecimal.valueOf(7), MathContext.DECIMAL64);
        sink = String.format(Locale.ROOT, "%08.3f %s", requests / 3.0, sink);
        memory.free(address);
        Churn.allocate(100);
        Thread.sleep(10);
    }
}
