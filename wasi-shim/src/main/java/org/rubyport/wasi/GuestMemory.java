package org.rubyport.wasi;

/**
 * The guest's linear memory, little-endian. Callers check bounds with {@link #contains} before access;
 * implementations may assume every access is in range.
 */
public interface GuestMemory {
    /** Current size in bytes: a double, as a 4 GiB memory does not fit an int (and a long is a BigInt under TeaVM). */
    double size();

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

    /**
     * Whether [ptr, ptr+len) lies inside memory (pointers are unsigned 32-bit in the guest). Sizes are
     * doubles, exact far past 2^32: a Java long is a BigInt under TeaVM, and this runs on every call.
     */
    default boolean contains(int ptr, double len) {
        return len >= 0 && len <= size() - unsigned(ptr); // not start + len, which could be rounded
    }

    /**
     * The UTF-8 text at [ptr, ptr+len), which must be in memory; EILSEQ when it is not well-formed.
     * Implementations may decode in place; this one copies into scratch (at least len bytes).
     */
    default String readUtf8(int ptr, int len, byte[] scratch) throws WasiException {
        read(ptr, scratch, 0, len);
        return Utf8.decodeStrict(scratch, 0, len);
    }

    /** A guest's unsigned 32-bit value. */
    static double unsigned(int value) {
        return value < 0 ? value + 4294967296.0 : value;
    }
}
