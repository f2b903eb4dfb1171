package io.leakwatch.examples.zoo;

import io.leakwatch.core.LeakKind;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Healthy (direct memory): 64 direct buffers of 64 KB allocated once and reused, beside a small temporary direct
 * buffer per request that is dropped at once.
 */
final class PooledDirectBuffers implements Scenario {
    private static final int POOL = 64;
    private final Deque<ByteBuffer> pool = new ArrayDeque<>();
    private static volatile ByteBuffer lastTemporary;

    PooledDirectBuffers() {
        for (int i = 0; i < POOL; i++) {
            pool.push(ByteBuffer.allocateDirect(64 * 1024));
        }
    }

    @Override
    public String description() {
        return "healthy: a pool of direct buffers reused, and temporary ones dropped";
    }

    @Override
    public String leakingClass() {
        return null;
    }

    @Override
    public LeakKind kind() {
        return LeakKind.DIRECT_MEMORY;
    }

    @Override
    public void step() throws InterruptedException {
        ByteBuffer buffer = pool.pop();
        buffer.clear().putLong(System.nanoTime());
        pool.addLast(buffer);
        lastTemporary = ByteBuffer.allocateDirect(4 * 1024);
        Churn.allocate(100);
        Thread.sleep(10);
    }
}
