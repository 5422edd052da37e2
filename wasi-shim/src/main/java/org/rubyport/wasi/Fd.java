package org.rubyport.wasi;

import org.rubyport.wasi.vfs.Inode;

/** An open file descriptor. Every operation fails with EBADF unless the kind of descriptor supports it. */
abstract class Fd {
    int rightsBase;
    int rightsInheriting;
    short flags;

    Fd(int rightsBase, int rightsInheriting) {
        this.rightsBase = rightsBase;
        this.rightsInheriting = rightsInheriting;
    }

    abstract byte filetype();

    /** The inode behind this descriptor, or null for a stream. */
    Inode inode() {
        return null;
    }

    /** Reads into the buffers; returns bytes read. */
    long read(GuestMemory memory, Iovec[] iovs) throws WasiException {
        throw Errno.BADF.error();
    }

    /** Writes the buffers; returns bytes written. */
    long write(GuestMemory memory, Iovec[] iovs) throws WasiException {
        throw Errno.BADF.error();
    }

    long pread(GuestMemory memory, Iovec[] iovs, long offset) throws WasiException {
        throw Errno.SPIPE.error();
    }

    long pwrite(GuestMemory memory, Iovec[] iovs, long offset) throws WasiException {
        throw Errno.SPIPE.error();
    }

    /** Moves the position; returns the new one. */
    long seek(long offset, int whence) throws WasiException {
        throw Errno.SPIPE.error();
    }

    /** Sets fdflags (APPEND, NONBLOCK...). */
    void setFlags(short newFlags) throws WasiException {
        flags = newFlags;
    }

    /** Bytes ready to read without blocking, for poll_oneoff. */
    long readable() {
        return 1;
    }

    void requireRight(int right) throws WasiException {
        if ((rightsBase & right) == 0) {
            throw Errno.NOTCAPABLE.error();
        }
    }
}
