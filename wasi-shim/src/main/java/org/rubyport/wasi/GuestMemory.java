package org.rubyport.wasi;

/**
 * The guest's linear memory, little-endian. Callers check bounds with {@link #contains} before access;
 * implementations may assume every access is in range.
 */
public interface GuestMemory {
    /** Current size in bytes. */
    int size();

    byte getByte(int ptr);

    void setByte(int ptr, byte value);

    short getShort(int ptr);

    void setShort(int ptr, short value);

    int getInt(int ptr);

    void setInt(int ptr, int value);

    long getLong(int ptr);

    void setLong(int ptr, long value);

    /** Copies guest bytes [ptr, ptr+len) into dst at off. */
    void read(int ptr, byte[] dst, int off, int len);

    /** Copies src[off, off+len) into guest memory at ptr. */
    void write(int ptr, byte[] src, int off, int len);

    /** Whether [ptr, ptr+len) lies inside memory (pointers are unsigned 32-bit in the guest). */
    default boolean contains(int ptr, long len) {
        long start = ptr & 0xFFFFFFFFL;
        return len >= 0 && len <= size() - start; // not start + len, which a huge len overflows
    }
}
