package org.rubyport.wasi;

import org.rubyport.wasi.vfs.DirectoryNode;
import org.rubyport.wasi.vfs.Filetype;
import org.rubyport.wasi.vfs.Inode;

/**
 * An open directory. Paths given relative to it resolve inside its sandbox: the preopen it was reached
 * from. A preopen has a name, which the guest reads with fd_prestat_dir_name.
 */
final class DirectoryFd extends Fd {
    final DirectoryNode dir;
    final DirectoryNode sandbox;
    final String preopenName;

    DirectoryFd(DirectoryNode dir, DirectoryNode sandbox, String preopenName, long rightsBase, long rightsInheriting) {
        super(rightsBase, rightsInheriting);
        this.dir = dir;
        this.sandbox = sandbox;
        this.preopenName = preopenName;
    }

    @Override byte filetype() {
        return Filetype.DIRECTORY;
    }

    @Override Inode inode() {
        return dir;
    }

    @Override long read(GuestMemory memory, Iovec[] iovs) throws WasiException {
        throw new WasiException(Errno.ISDIR);
    }

    @Override long write(GuestMemory memory, Iovec[] iovs) throws WasiException {
        throw new WasiException(Errno.ISDIR);
    }

    @Override long pread(GuestMemory memory, Iovec[] iovs, long offset) throws WasiException {
        throw new WasiException(Errno.ISDIR);
    }

    @Override long pwrite(GuestMemory memory, Iovec[] iovs, long offset) throws WasiException {
        throw new WasiException(Errno.ISDIR);
    }

    @Override long seek(long offset, int whence) throws WasiException {
        throw new WasiException(Errno.BADF);
    }
}
