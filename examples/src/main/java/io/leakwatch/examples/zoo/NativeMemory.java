package io.leakwatch.examples.zoo;

import java.lang.reflect.Field;

/**
 * Native memory outside the heap, as a native library allocates it: {@code sun.misc.Unsafe}'s allocation, which the
 * JVM's Native Memory Tracking counts in the category {@code Other}. (JDK 24 and later print a warning at its first
 * use: those methods are deprecated for removal.)
 */
final class NativeMemory {
    private final sun.misc.Unsafe unsafe;

    NativeMemory() {
        try {
            Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            unsafe = (sun.misc.Unsafe) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("sun.misc.Unsafe is not available", e);
        }
    }

    /** Allocates and touches {@code bytes} of native memory; returns its address. */
    long allocate(int bytes) {
        long address = unsafe.allocateMemory(bytes);
        unsafe.setMemory(address, bytes, (byte) 1);
        return address;
    }

    void free(long address) {
        unsafe.freeMemory(address);
    }
}
