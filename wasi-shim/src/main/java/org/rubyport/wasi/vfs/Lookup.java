package org.rubyport.wasi.vfs;

import org.rubyport.wasi.Errno;
import org.rubyport.wasi.WasiException;

/**
 * The result of resolving a path: the directory holding the last component, that component's name, and
 * the inode it names (null when absent). The guards raise each error in one place.
 */
public record Lookup(DirectoryNode parent, String name, Inode node, boolean trailingSlash) {

    /** The inode; ENOENT when absent. */
    public Inode requireExists() throws WasiException {
        if (node == null) {
            throw Errno.NOENT.error();
        }
        return node;
    }

    /** The directory; ENOENT when absent, ENOTDIR when something else. */
    public DirectoryNode requireDirectory() throws WasiException {
        if (requireExists() instanceof DirectoryNode dir) {
            return dir;
        }
        throw Errno.NOTDIR.error();
    }

    /** Checks that a trailing slash, if any, follows a directory (or nothing yet); ENOTDIR otherwise. */
    public void requireSlashFits() throws WasiException {
        if (trailingSlash && node != null && !(node instanceof DirectoryNode)) {
            throw Errno.NOTDIR.error();
        }
    }

    /** Checks that nothing has this name yet; EEXIST otherwise. */
    public void requireAbsent() throws WasiException {
        if (node != null) {
            throw Errno.EXIST.error();
        }
    }

    /** Checks that the last component is a real name, not `.` or `..`, which no operation may add or remove. */
    public void requireNamed(Errno otherwise) throws WasiException {
        if (name.equals(".") || name.equals("..")) {
            throw otherwise.error();
        }
    }
}
