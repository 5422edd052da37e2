package org.rubyport.wasi.vfs;

import org.rubyport.wasi.Errno;
import org.rubyport.wasi.WasiException;

/**
 * The memory one file system's files may take for what the guest writes, shared by all its files: past it
 * a write fails with ENOSPC, which a program reports ("No space left on device"), instead of the page
 * running out of memory and losing everything. Content the host puts in place (project files, bundles) is
 * not counted; a file gives back what it took when its last name goes.
 */
public final class FileSpace {
    /** 1 GiB: as much again as the Ruby VM's own memory may reach before it is replaced. */
    public static final long DEFAULT_LIMIT = 1L << 30;

    private final long limit;
    private long used;

    public FileSpace(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("a file space limit cannot be negative");
        }
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** Bytes taken now. */
    public long used() {
        return used;
    }

    /** What is left to take. */
    long available() {
        return limit - used;
    }

    /** Takes bytes; ENOSPC when fewer are left, taking nothing. */
    void take(long bytes) throws WasiException {
        if (bytes > available()) {
            throw Errno.NOSPC.error();
        }
        used += bytes;
    }

    void give(long bytes) {
        used -= bytes;
    }
}
