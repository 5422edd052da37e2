package org.rubyport.wasi.conformance;

import com.dylibso.chicory.runtime.Memory;
import org.rubyport.wasi.GuestMemory;

/** The linear memory of a Chicory instance, seen as a {@link GuestMemory}. Follows memory.grow. */
final class ChicoryGuestMemory implements GuestMemory {
    private final Memory memory;

    ChicoryGuestMemory(Memory memory) {
        this.memory = memory;
    }

    @Override public double size() {
        return (double) memory.pages() * Memory.PAGE_SIZE;
    }

    @Override public byte getByte(int ptr) {
        return memory.read(ptr);
    }

    @Override public void setByte(int ptr, byte value) {
        memory.writeByte(ptr, value);
    }

    @Override public short getShort(int ptr) {
        return memory.readShort(ptr);
    }

    @Override public void setShort(int ptr, short value) {
        memory.writeShort(ptr, value);
    }

    @Override public int getInt(int ptr) {
        return memory.readInt(ptr);
    }

    @Override public void setInt(int ptr, int value) {
        memory.writeI32(ptr, value);
    }

    @Override public long getLong(int ptr) {
        return memory.readLong(ptr);
    }

    @Override public void setLong(int ptr, long value) {
        memory.writeLong(ptr, value);
    }

    @Override public void read(int ptr, byte[] dst, int off, int len) {
        System.arraycopy(memory.readBytes(ptr, len), 0, dst, off, len);
    }

    @Override public void write(int ptr, byte[] src, int off, int len) {
        memory.write(ptr, src, off, len);
    }
}
