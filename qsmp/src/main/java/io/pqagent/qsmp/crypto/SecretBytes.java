package io.pqagent.qsmp.crypto;

import java.util.Arrays;

/**
 * Key material with a lifetime: wiped by {@link #close()} and never printed. Best effort on the JVM
 * (the collector may have copied the array), but every phase that ends wipes what it held.
 */
public final class SecretBytes implements AutoCloseable {
    private final byte[] bytes;
    private boolean destroyed;

    private SecretBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Takes ownership of {@code bytes}: the caller must not keep or wipe the array. */
    public static SecretBytes wrap(byte[] bytes) {
        return new SecretBytes(bytes);
    }

    public static SecretBytes copyOf(byte[] bytes, int offset, int length) {
        return new SecretBytes(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    /** The live array; do not keep it beyond this object's lifetime. */
    public byte[] bytes() {
        if (destroyed) {
            throw new IllegalStateException("secret already destroyed");
        }
        return bytes;
    }

    public byte[] copy() {
        return bytes().clone();
    }

    public int length() {
        return bytes.length;
    }

    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public void close() {
        Arrays.fill(bytes, (byte) 0);
        destroyed = true;
    }

    @Override
    public String toString() {
        return "<secret>";
    }
}
