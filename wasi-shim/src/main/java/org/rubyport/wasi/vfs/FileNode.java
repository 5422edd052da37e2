package org.rubyport.wasi.vfs;

import java.util.Arrays;
import org.rubyport.wasi.Errno;
import org.rubyport.wasi.WasiException;

/**
 * A regular file. Its bytes live in one array that grows geometrically, so a file written in small
 * chunks costs linear time overall. A file mounted from a bundle is a slice of the bundle's array until
 * something changes it, when it gets an array of its own: mounting and reading copy nothing, and the
 * bundle never changes (copy-on-write).
 */
public final class FileNode extends Inode {
    private static final byte[] EMPTY = new byte[0];
    /** Largest size we hold: Java arrays index with int. */
    public static final long MAX_SIZE = Integer.MAX_VALUE - 8;

    private final FileSpace space;
    private byte[] bytes = EMPTY;
    private int size;
    /** Bytes of the array taken from space, given back when the last name goes. */
    private long taken;
    /** The shared array this file's content is a slice of, until it is materialised; else null. */
    private byte[] source;
    private int sourceOffset;

    FileNode(long ino, long now, FileSpace space) {
        super(ino, now);
        this.space = space;
    }

    @Override public byte filetype() {
        return Filetype.REGULAR_FILE;
    }

    @Override public long size() {
        return size;
    }

    /** Makes this file's content the bytes [offset, offset + length) of source, shared until first use. */
    public void backBy(byte[] source, int offset, int length) {
        this.source = source;
        this.sourceOffset = offset;
        this.bytes = EMPTY;
        this.size = length;
    }

    /** Whether the content is still a shared slice (nothing has been copied yet). */
    public boolean isShared() {
        return source != null;
    }

    private void materialise() {
        if (source != null) {
            bytes = Arrays.copyOfRange(source, sourceOffset, sourceOffset + size);
            source = null;
        }
    }

    /**
     * The array to change the content in; valid bytes are [0, size). Callers copy in directly to avoid a
     * second copy. A file still shared with its bundle gets its own array first.
     */
    public byte[] bytes() {
        materialise();
        return bytes;
    }

    /** The array to read the content from, not to change: the bytes are at [{@link #readOffset}, +size). */
    public byte[] readArray() {
        return source != null ? source : bytes;
    }

    /** Where the content starts in {@link #readArray}. */
    public int readOffset() {
        return source != null ? sourceOffset : 0;
    }

    /**
     * Makes room for [0, end) without changing the size: the array doubles, or grows just enough where
     * the file space has no room for doubling; ENOSPC (and nothing changed) where it has not even that.
     */
    public void reserve(long end) throws WasiException {
        materialise();
        if (end > MAX_SIZE) {
            throw Errno.FBIG.error();
        }
        if (end > bytes.length) {
            long grown = Math.min(Math.max(end, Math.max(64, (long) bytes.length * 2)), MAX_SIZE);
            if (grown - bytes.length > space.available()) {
                grown = end;
            }
            long more = grown - bytes.length;
            space.take(more);
            taken += more;
            bytes = Arrays.copyOf(bytes, (int) grown);
        }
    }

    /** Gives back the file space this file took: it has no name left (open descriptors may still use it). */
    void unlinked() {
        space.give(taken);
        taken = 0;
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
        materialise();
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
        source = null;
        bytes = data.clone();
        size = data.length;
        touch(now);
    }

    /** A copy of the content. */
    public byte[] content() {
        if (source != null) {
            return Arrays.copyOfRange(source, sourceOffset, sourceOffset + size);
        }
        return Arrays.copyOf(bytes, size);
    }
}
