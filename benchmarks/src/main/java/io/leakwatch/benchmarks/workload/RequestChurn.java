package io.leakwatch.benchmarks.workload;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A request: a few objects, some hashing, and one response in a hundred kept in a bounded cache. */
final class RequestChurn implements Workload {
    private final Object[] ring = new Object[1024];
    private final Map<Long, byte[]> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > 20_000;
        }
    };

    @Override
    public long operate(long i) {
        StringBuilder body = new StringBuilder(64).append("request-").append(i).append("-payload");
        byte[] payload = body.toString().getBytes(StandardCharsets.UTF_8);
        long hash = 1125899906842597L;
        for (byte b : payload) {
            hash = 31 * hash + b;
        }
        byte[] response = new byte[256];
        response[0] = (byte) hash;
        ring[(int) (i & (ring.length - 1))] = response;
        if (i % 100 == 0) {
            cache.put(i, response);
        }
        return hash;
    }
}
