package org.rubyport.wasi;

import org.rubyport.wasi.vfs.FileNode;
import org.rubyport.wasi.vfs.Filetype;
import org.rubyport.wasi.vfs.Inode;
import org.rubyport.wasi.vfs.Vfs;

/** An open regular file, with its own position. Bytes move straight between guest memory and the file. */
final class FileFd extends Fd {
    static final short APPEND = 1;

    private final Vfs vfs;
    final FileNode file;
    private long position;

    FileFd(Vfs vfs, FileNode file, int rightsBase, int rightsInheriting, short flags) {
        super(rightsBase, rightsInheriting);
        this.vfs = vfs;
        this.file = file;
        this.flags = flags;
    }

    @Override byte filetype() {
        return Filetype.REGULAR_FILE;
    }

    @Override Inode inode() {
        return file;
    }

    @Override long read(GuestMemory memory, Iovec[] iovs) throws WasiException {
        long n = pread(memory, iovs, position);
        position += n;
        return n;
    }

    @Override long pread(GuestMemory memory, Iovec[] iovs, long offset) throws WasiException {
        requireReadable();
        if (offset < 0) {
            throw Errno.INVAL.error();
        }
        long at = offset;
        for (Iovec iov : iovs) {
            if (at >= file.size()) {
                break;
            }
            // A zero-length buffer is skipped, not taken for the end of the file.
            long n = Math.min(iov.len(), file.size() - at);
            memory.write(iov.ptr(), file.readArray(), file.readOffset() + (int) at, (int) n);
            at += n;
        }
        return at - offset;
    }

    @Override long write(GuestMemory memory, Iovec[] iovs) throws WasiException {
        if ((flags & APPEND) != 0) {
            position = file.size();
        }
        long n = pwrite(memory, iovs, position);
        position += n;
        return n;
    }

    @Override long pwrite(GuestMemory memory, Iovec[] iovs, long offset) throws WasiException {
        requireWritable();
        if (offset < 0) {
            throw Errno.INVAL.error();
        }
        if (offset > FileNode.MAX_SIZE) {
            // Checked before adding the lengths, which could overflow a long and wrap into the file.
            throw Errno.FBIG.error();
        }
        long end = offset + Iovec.total(iovs);
        file.reserve(end);
        byte[] bytes = file.bytes();
        long at = offset;
        for (Iovec iov : iovs) {
            memory.read(iov.ptr(), bytes, (int) at, iov.len());
            at += iov.len();
        }
        file.wrote(end, vfs.now());
        return end - offset;
    }

    @Override long seek(long offset, int whence) throws WasiException {
        long base;
        switch (whence) {
            case 0 -> base = 0;
            case 1 -> base = position;
            case 2 -> base = file.size();
            default -> throw Errno.INVAL.error();
        }
        long target = base + offset;
        if (target < 0) {
            throw Errno.INVAL.error();
        }
        position = target;
        return target;
    }

    long position() {
        return position;
    }

    @Override long readable() {
        return Math.max(0, file.size() - position);
    }

    void requireReadable() throws WasiException {
        if ((rightsBase & Rights.FD_READ) == 0) {
            throw Errno.BADF.error();
        }
    }

    void requireWritable() throws WasiException {
        if ((rightsBase & Rights.FD_WRITE) == 0) {
            throw Errno.BADF.error();
        }
    }
}
