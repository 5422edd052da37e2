package org.rubyport.wasi.vfs;

import org.rubyport.wasi.Errno;
import org.rubyport.wasi.WasiException;

/** A file system object, apart from the names that link to it. */
public abstract class Inode {
    public final long ino;
    int nlink;
    long atim;
    long mtim;
    long ctim;
    boolean readOnly;

    Inode(long ino, long now) {
        this.ino = ino;
        this.atim = now;
        this.mtim = now;
        this.ctim = now;
    }

    /** The WASI filetype code. */
    public abstract byte filetype();

    /** Size in bytes as stat reports it. */
    public abstract long size();

    /** Whether this inode lies in a read-only mount: its content, times and (for a directory) entries are fixed. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** EROFS when this inode is read-only. */
    public void requireWritable() throws WasiException {
        if (readOnly) {
            throw Errno.ROFS.error();
        }
    }

    public int nlink() {
        return nlink;
    }

    public long atim() {
        return atim;
    }

    public long mtim() {
        return mtim;
    }

    public long ctim() {
        return ctim;
    }

    /** Sets the access and modification times; the change time becomes now. */
    public void setTimes(long atim, long mtim, long now) {
        this.atim = atim;
        this.mtim = mtim;
        this.ctim = now;
    }

    void touch(long now) {
        mtim = now;
        ctim = now;
    }
}
