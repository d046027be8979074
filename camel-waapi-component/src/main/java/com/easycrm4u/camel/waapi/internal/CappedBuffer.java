package com.easycrm4u.camel.waapi.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes of a body read chunk by chunk, never more than a cap, in one array that grows only with the bytes that
 * arrived: to fit the first chunk exactly, then by doubling, never past the cap, and never past a declared length while
 * the bytes keep within it. A declared length is a ceiling only: a huge one allocates nothing before its bytes come.
 * The response body of both transports and the webhook's request body on Vert.x are read with it. Not thread-safe: one
 * reader adds its chunks in order.
 */
public final class CappedBuffer {

    /** Copies the first {@code length} bytes of a chunk into {@code target} from {@code offset} on. */
    @FunctionalInterface
    public interface Chunk {
        void copyTo(byte[] target, int offset, int length);
    }

    private static final byte[] EMPTY = new byte[0];

    private final int cap;
    private final long declared;
    private byte[] bytes = EMPTY;
    private int size;

    /**
     * @param cap            the most bytes kept
     * @param declaredLength the length the sender announced (Content-Length), or a negative number when none
     */
    public CappedBuffer(int cap, long declaredLength) {
        if (cap < 0) {
            throw new IllegalArgumentException("cap must not be negative: " + cap);
        }
        this.cap = cap;
        this.declared = declaredLength;
    }

    /** Whether {@code length} more bytes keep within the cap. */
    public boolean fits(int length) {
        return (long) size + length <= cap;
    }

    /**
     * How many bytes the array grows by when {@code length} more are added (of which at most the cap is kept): 0 when
     * they fit in it. A caller that counts the memory it holds counts this before {@link #add(int, Chunk)}.
     */
    public int growthFor(int length) {
        return capacityFor(length) - bytes.length;
    }

    /**
     * Adds a chunk of {@code length} bytes, as much of it as keeps within the cap.
     *
     * @return false when the chunk crossed the cap: then only its start was kept
     */
    public boolean add(int length, Chunk chunk) {
        int capacity = capacityFor(length);
        if (capacity > bytes.length) {
            bytes = Arrays.copyOf(bytes, capacity);
        }
        int kept = (int) Math.min(length, (long) cap - size);
        chunk.copyTo(bytes, size, kept);
        size += kept;
        return kept == length;
    }

    /** Adds the remaining bytes of a buffer, as much of them as keeps within the cap; false when it crossed the cap. */
    public boolean add(ByteBuffer chunk) {
        return add(chunk.remaining(), chunk::get);
    }

    /** The bytes kept so far. */
    public int size() {
        return size;
    }

    /** The length of the array that holds them, what this buffer holds in memory. */
    public int capacity() {
        return bytes.length;
    }

    /** The bytes kept, in an array of their length (the buffer's own when it is full). */
    public byte[] toByteArray() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }

    private int capacityFor(int length) {
        long needed = Math.min(cap, (long) size + length);
        if (needed <= bytes.length) {
            return bytes.length;
        }
        long grown = Math.max(needed, Math.min(cap, 2L * bytes.length));
        if (declared >= needed) {
            grown = Math.min(grown, declared);
        }
        return (int) grown;
    }
}
