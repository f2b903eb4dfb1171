package io.leakwatch.examples.zoo;

import io.leakwatch.core.LeakKind;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Leak (direct memory): every 10 ms a frame with an 8 KB direct buffer is cached and never evicted (about 0.8 MB of
 * native memory a second, a hundredth of it in the heap).
 */
final class DirectBufferLeak implements Scenario {
    static final List<Frame> CACHE = new ArrayList<>();

    @Override
    public String description() {
        return "leak: a cache of frames with direct buffers that is never evicted";
    }

    @Override
    public String leakingClass() {
        return "DirectBufferLeak";
    }

    @Override
    public LeakKind kind() {
        return LeakKind.DIRECT_MEMORY;
    }

    @Override
    public void step() throws InterruptedException {
        CACHE.add(new Frame(ByteBuffer.allocateDirect(8 * 1024)));
        Churn.allocate(100);
        Thread.sleep(10);
    }

    /** A cached network frame. */
    static final class Frame {
        final ByteBuffer payload;

        Frame(ByteBuffer payload) {
            this.payload = payload;
        }
    }
}
