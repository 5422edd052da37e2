package org.rubyport.wasi.vfs;

import org.rubyport.wasi.Errno;
import org.rubyport.wasi.WasiException;

/**
 * The host's view of a {@link Vfs}: absolute paths from its root, as the page uses to put a project's
 * files in place or read back what the guest wrote. Symlinks are followed.
 */
public final class HostFiles {
    private final Vfs vfs;

    public HostFiles(Vfs vfs) {
        this.vfs = vfs;
    }

    private Lookup lookUp(String path) throws WasiException {
        return vfs.lookUp(vfs.root(), vfs.root(), relative(path), true);
    }

    /** path without its leading slashes; "." for the root. Vfs refuses absolute paths, as the guest's are. */
    private static String relative(String path) {
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        return start == path.length() ? "." : path.substring(start);
    }

    /** Creates the directory at path and any missing parents; returns it. */
    public DirectoryNode makeDirectories(String path) throws WasiException {
        DirectoryNode dir = vfs.root();
        int start = 0;
        while (start < path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            if (end > start) {
                Lookup lk = vfs.lookUp(vfs.root(), dir, path.substring(start, end), true);
                dir = lk.node() == null ? vfs.mkdir(lk) : lk.requireDirectory();
            }
            start = end + 1;
        }
        return dir;
    }

    /** Writes data as the whole content of the file at path, creating it and its parent directories. */
    public void writeFile(String path, byte[] data) throws WasiException {
        int slash = path.lastIndexOf('/');
        if (slash > 0) {
            makeDirectories(path.substring(0, slash));
        }
        Lookup lk = lookUp(path);
        Inode node = lk.node() == null ? vfs.createFile(lk) : lk.node();
        if (!(node instanceof FileNode file)) {
            throw Errno.ISDIR.error();
        }
        file.setContent(data, vfs.now());
    }

    /**
     * Makes path and everything below it read-only, as a read-only mount: the guest gets EROFS for any
     * change. The host still can write there, which is how content is put in place before.
     */
    public void makeReadOnly(String path) throws WasiException {
        markReadOnly(lookUp(path).requireExists());
    }

    private static void markReadOnly(Inode node) {
        node.readOnly = true;
        if (node instanceof DirectoryNode dir) {
            for (Inode child : dir.children()) {
                markReadOnly(child);
            }
        }
    }

    /** The content of the file at path. */
    public byte[] readFile(String path) throws WasiException {
        if (lookUp(path).requireExists() instanceof FileNode file) {
            return file.content();
        }
        throw Errno.ISDIR.error();
    }
}
