package org.rubyport.wasi.vfs;

import java.util.Arrays;
import org.rubyport.wasi.Errno;
import org.rubyport.wasi.WasiException;

/**
 * A regular file. Its bytes live in one array that grows geometrically, so a file written in small
 * chunks costs linear time overall.
 */
public final class FileNode extends Inode {
    private static final byte[] EMPTY = new byte[0];
    /** Largest size we hold: Java arrays index with int. */
    public static final long MAX_SIZE = Integer.MAX_VALUE - 8;

    private byte[] bytes = EMPTY;
    private int size;

    FileNode(long ino, long now) {
        super(ino, now);
    }

    @Override public byte filetype() {
        return Filetype.REGULAR_FILE;
    }

    @Override public long size() {
        return size;
    }

    /** The backing array; valid bytes are [0, size). Callers copy in or out directly to avoid a second copy. */
    public byte[] bytes() {
        return bytes;
    }

    /** Makes room for [0, end) without changing the size. */
    public void reserve(long end) throws WasiException {
        if (end > MAX_SIZE) {
            throw new WasiException(Errno.FBIG);
        }
        if (end > bytes.length) {
            long grown = Math.max(end, Math.max(64, (long) bytes.length * 2));
            bytes = Arrays.copyOf(bytes, (int) Math.min(grown, MAX_SIZE));
        }
    }

    /** Records that [0, end) now holds data written by a caller after {@link #reserve}. */
    public void wrote(long end, long now) {
        if (end > size) {
            size = (int) end;
        }
        touch(now);
    }

    /** Truncates or zero-extends to newSize. */
    public void setSize(long newSize, long now) throws WasiException {
        if (newSize < size) {
            Arrays.fill(bytes, (int) newSize, size, (byte) 0);
        } else {
            reserve(newSize);
        }
        size = (int) newSize;
        touch(now);
    }

    /** Replaces the content with a copy of data. */
    public void setContent(byte[] data, long now) {
        bytes = data.clone();
        size = data.length;
        touch(now);
    }

    /** A copy of the content. */
    public byte[] content() {
        return Arrays.copyOf(bytes, size);
    }
}
