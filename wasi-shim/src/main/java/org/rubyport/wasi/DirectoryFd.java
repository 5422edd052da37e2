package org.rubyport.wasi;

import org.rubyport.wasi.vfs.DirectoryNode;
import org.rubyport.wasi.vfs.Filetype;
import org.rubyport.wasi.vfs.Inode;

/**
 * An open directory: a capability for what lies beneath it. Paths given relative to it cannot climb above
 * it. A preopen has a name, which the guest reads with fd_prestat_dir_name.
 */
final class DirectoryFd extends Fd {
    final DirectoryNode dir;
    final String preopenName;

    DirectoryFd(DirectoryNode dir, String preopenName, int rightsBase, int rightsInheriting) {
        super(rightsBase, rightsInheriting);
        this.dir = dir;
        this.preopenName = preopenName;
    }

    /**
     * Whether this is the preopen the guest calls "/". wasi-libc resolves every absolute path against it,
     * so absolute symlinks made through it mean what they say; elsewhere they would escape and are refused.
     */
    boolean isGuestRoot() {
        return "/".equals(preopenName);
    }

    @Override byte filetype() {
        return Filetype.DIRECTORY;
    }

    @Override Inode inode() {
        return dir;
    }

    @Override long read(GuestMemory memory, Iovec[] iovs) throws WasiException {
        throw Errno.ISDIR.error();
    }

    @Override long write(GuestMemory memory, Iovec[] iovs) throws WasiException {
        throw Errno.ISDIR.error();
    }

    @Override long pread(GuestMemory memory, Iovec[] iovs, long offset) throws WasiException {
        throw Errno.ISDIR.error();
    }

    @Override long pwrite(GuestMemory memory, Iovec[] iovs, long offset) throws WasiException {
        throw Errno.ISDIR.error();
    }

    @Override long seek(long offset, int whence) throws WasiException {
        throw Errno.BADF.error();
    }
}
