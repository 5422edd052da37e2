package org.rubyport.wasi;

/** A guest memory over a Java byte array: for JVM tests, and for small scratch structs. */
public final class ByteArrayGuestMemory implements GuestMemory {

    private final byte[] bytes;

    public ByteArrayGuestMemory(int size) {
        this(new byte[size]);
    }

    public ByteArrayGuestMemory(byte[] bytes) {
        this.bytes = bytes;
    }

    public byte[] bytes() {
        return bytes;
    }

    @Override public double size() {
        return bytes.length;
    }

    @Override public byte getByte(int ptr) {
        return bytes[ptr];
    }

    @Override public void setByte(int ptr, byte value) {
        bytes[ptr] = value;
    }

    @Override public short getShort(int ptr) {
        return LittleEndian.getShort(bytes, ptr);
    }

    @Override public void setShort(int ptr, short value) {
        LittleEndian.putShort(bytes, ptr, value);
    }

    @Override public int getInt(int ptr) {
        return LittleEndian.getInt(bytes, ptr);
    }

    @Override public void setInt(int ptr, int value) {
        LittleEndian.putInt(bytes, ptr, value);
    }

    @Override public long getLong(int ptr) {
        return LittleEndian.getLong(bytes, ptr);
    }

    @Override public void setLong(int ptr, long value) {
        LittleEndian.putLong(bytes, ptr, value);
    }

    @Override public void read(int ptr, byte[] dst, int off, int len) {
        System.arraycopy(bytes, ptr, dst, off, len);
    }

    @Override public void write(int ptr, byte[] src, int off, int len) {
        System.arraycopy(src, off, bytes, ptr, len);
    }
}
