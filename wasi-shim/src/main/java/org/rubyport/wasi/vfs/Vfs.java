package org.rubyport.wasi.vfs;

import org.rubyport.wasi.Clock;
import org.rubyport.wasi.Errno;
import org.rubyport.wasi.Utf8;
import org.rubyport.wasi.WasiException;

/**
 * An in-memory POSIX-like file system: inodes, hard links, symbolic links and timestamps. Paths are
 * resolved inside a sandbox directory that `..` and absolute symlinks cannot leave.
 */
public final class Vfs {
    /** Symlinks followed in one resolution before ELOOP, as on Linux. */
    public static final int MAX_SYMLINK_HOPS = 40;
    /** The longest name, in UTF-8 bytes, before ENAMETOOLONG: Linux's NAME_MAX. */
    public static final int MAX_NAME_BYTES = 255;

    private final Clock clock;
    private final FileSpace space;
    private final DirectoryNode root;
    private long nextIno = 1;

    public Vfs(Clock clock) {
        this(clock, new FileSpace(FileSpace.DEFAULT_LIMIT));
    }

    /** A file system whose files may take space for what the guest writes (see {@link FileSpace}). */
    public Vfs(Clock clock, FileSpace space) {
        this.clock = clock;
        this.space = space;
        this.root = new DirectoryNode(nextIno++, now());
        root.nlink++; // the root has no name; its `..` links it instead
    }

    public DirectoryNode root() {
        return root;
    }

    public FileSpace space() {
        return space;
    }

    /** The clock that stamps this file system's times. */
    public Clock clock() {
        return clock;
    }

    /** The clock's realtime, for timestamps. */
    public long now() {
        return clock.realtimeNanos();
    }

    /**
     * Resolves path against base, which must lie within sandbox. `..` stops at sandbox (ENOTCAPABLE),
     * absolute paths are refused, and an absolute symlink target starts again from sandbox. The last
     * component's symlink is followed when followLast is set or the path ends with a slash.
     */
    public Lookup lookUp(DirectoryNode sandbox, DirectoryNode base, String path, boolean followLast)
            throws WasiException {
        return lookUp(sandbox, base, path, followLast, true);
    }

    /**
     * As {@link #lookUp(DirectoryNode, DirectoryNode, String, boolean)}, but an absolute symlink target is
     * refused (ENOTCAPABLE) unless absoluteLinks is set: only where sandbox is the guest's "/" does an
     * absolute path name something inside it.
     */
    public Lookup lookUp(DirectoryNode sandbox, DirectoryNode base, String path, boolean followLast,
            boolean absoluteLinks) throws WasiException {
        return walk(sandbox, base, path, followLast ? FOLLOW : NO_FOLLOW, absoluteLinks);
    }

    /**
     * Resolves a path naming the entry that an operation creates, removes or renames. A symlink in last
     * place is never followed, even before a trailing slash, and a trailing slash after a non-directory is
     * left to the operation to refuse: ENOTDIR to remove or rename it, EEXIST to create over it, as on Linux.
     */
    public Lookup lookUpEntry(DirectoryNode sandbox, DirectoryNode base, String path, boolean absoluteLinks)
            throws WasiException {
        return walk(sandbox, base, path, ENTRY, absoluteLinks);
    }

    /** How a walk treats its last component: follow a symlink there, only before a trailing slash, or never. */
    private static final int FOLLOW = 0, NO_FOLLOW = 1, ENTRY = 2;

    private Lookup walk(DirectoryNode sandbox, DirectoryNode base, String path, int mode, boolean absoluteLinks)
            throws WasiException {
        if (path.isEmpty()) {
            throw Errno.NOENT.error();
        }
        if (path.indexOf('\0') >= 0) {
            throw Errno.INVAL.error();
        }
        if (path.charAt(0) == '/') {
            throw Errno.NOTCAPABLE.error();
        }
        if (!within(sandbox, base)) {
            throw Errno.NOTCAPABLE.error();
        }
        // Walks the path in place; a followed symlink replaces what has been walked with its target.
        String rest = path;
        int at = 0;
        boolean trailingSlash = path.endsWith("/");
        DirectoryNode dir = base;
        int hops = 0;
        while (true) {
            at = skipSlashes(rest, at);
            String name;
            if (at == rest.length()) {
                name = "."; // a symlink to "/" leaves no component
            } else {
                int end = rest.indexOf('/', at);
                name = rest.substring(at, end < 0 ? rest.length() : end);
                at += name.length();
                // A UTF-16 unit takes at most 3 UTF-8 bytes, so only long names need counting.
                if (name.length() > MAX_NAME_BYTES / 3 && Utf8.encodedLength(name) > MAX_NAME_BYTES) {
                    throw Errno.NAMETOOLONG.error();
                }
            }
            boolean last = skipSlashes(rest, at) == rest.length();
            Inode node = child(sandbox, dir, name);
            if (node instanceof SymlinkNode link
                    && (!last || mode == FOLLOW || (mode == NO_FOLLOW && trailingSlash))) {
                if (++hops > MAX_SYMLINK_HOPS) {
                    throw Errno.LOOP.error();
                }
                String target = link.target;
                if (target.isEmpty()) {
                    throw Errno.NOENT.error();
                }
                if (target.charAt(0) == '/') {
                    if (!absoluteLinks) {
                        throw Errno.NOTCAPABLE.error();
                    }
                    dir = sandbox;
                }
                trailingSlash |= last && target.endsWith("/");
                rest = last ? target : target + "/" + rest.substring(at);
                at = 0;
                continue;
            }
            if (last) {
                Lookup found = new Lookup(dir, name, node, trailingSlash);
                if (mode != ENTRY) {
                    found.requireSlashFits();
                }
                return found;
            }
            if (node == null) {
                throw Errno.NOENT.error();
            }
            if (!(node instanceof DirectoryNode next)) {
                throw Errno.NOTDIR.error();
            }
            dir = next;
        }
    }

    private static int skipSlashes(String path, int at) {
        while (at < path.length() && path.charAt(at) == '/') {
            at++;
        }
        return at;
    }

    /**
     * Whether dir is sandbox or below it. A directory opened inside one preopen can be renamed into
     * another; `..` from there would climb past the other's top without ever meeting sandbox.
     */
    private static boolean within(DirectoryNode sandbox, DirectoryNode dir) {
        for (DirectoryNode d = dir; d != sandbox; d = d.parent) {
            if (d.parent == d) {
                return false;
            }
        }
        return true;
    }

    private static Inode child(DirectoryNode sandbox, DirectoryNode dir, String name) throws WasiException {
        switch (name) {
            case ".":
                return dir;
            case "..":
                if (dir == sandbox) {
                    throw Errno.NOTCAPABLE.error();
                }
                return dir.parent;
            default:
                return dir.get(name);
        }
    }

    /** The directory that lk's new name goes in: EROFS when it is read-only, ENOENT when it was removed. */
    private static DirectoryNode parentForNewName(Lookup lk) throws WasiException {
        DirectoryNode parent = lk.parent();
        parent.requireWritable();
        parent.requireLinked();
        return parent;
    }

    /** Creates a directory at lk; EEXIST when the name is taken. */
    public DirectoryNode mkdir(Lookup lk) throws WasiException {
        lk.requireNamed(Errno.EXIST);
        lk.requireAbsent();
        DirectoryNode parent = parentForNewName(lk);
        long now = now();
        DirectoryNode dir = new DirectoryNode(nextIno++, now);
        parent.put(lk.name(), dir, now);
        return dir;
    }

    /** Creates an empty regular file at lk; EISDIR for a name with a trailing slash. */
    public FileNode createFile(Lookup lk) throws WasiException {
        lk.requireNamed(Errno.ISDIR);
        lk.requireAbsent();
        if (lk.trailingSlash()) {
            throw Errno.ISDIR.error();
        }
        DirectoryNode parent = parentForNewName(lk);
        long now = now();
        FileNode file = new FileNode(nextIno++, now, space);
        parent.put(lk.name(), file, now);
        return file;
    }

    /** Creates a symbolic link at lk holding target, which is not checked. */
    public SymlinkNode symlink(String target, Lookup lk) throws WasiException {
        lk.requireNamed(Errno.EXIST);
        lk.requireAbsent();
        if (target.isEmpty()) {
            throw Errno.NOENT.error();
        }
        if (target.indexOf('\0') >= 0) {
            // Resolving it would otherwise let a NUL into a name (O_CREAT through the link).
            throw Errno.INVAL.error();
        }
        if (lk.trailingSlash()) {
            throw Errno.NOENT.error();
        }
        DirectoryNode parent = parentForNewName(lk);
        long now = now();
        SymlinkNode link = new SymlinkNode(nextIno++, now, target);
        parent.put(lk.name(), link, now);
        return link;
    }

    /** Adds a hard link to an existing non-directory. */
    public void link(Lookup existing, Lookup newName) throws WasiException {
        Inode node = existing.requireExists();
        if (node instanceof DirectoryNode) {
            throw Errno.PERM.error();
        }
        node.requireWritable(); // a new name changes its link count
        newName.requireNamed(Errno.EXIST);
        newName.requireAbsent();
        if (newName.trailingSlash()) {
            throw Errno.NOENT.error();
        }
        DirectoryNode parent = parentForNewName(newName);
        long now = now();
        parent.put(newName.name(), node, now);
        node.ctim = now;
    }

    /** Removes a name of a non-directory. */
    public void unlink(Lookup lk) throws WasiException {
        lk.requireNamed(Errno.ISDIR);
        if (lk.requireExists() instanceof DirectoryNode) {
            throw Errno.ISDIR.error();
        }
        lk.requireSlashFits();
        lk.parent().requireWritable();
        lk.parent().remove(lk.name(), now());
    }

    /** Removes an empty directory. */
    public void rmdir(Lookup lk) throws WasiException {
        lk.requireNamed(lk.name().equals(".") ? Errno.INVAL : Errno.NOTEMPTY);
        DirectoryNode dir = lk.requireDirectory(); // ENOTDIR for a symlink too, even before a slash
        lk.parent().requireWritable(); // before emptiness, as Linux checks the mount first
        if (!dir.isEmpty()) {
            throw Errno.NOTEMPTY.error();
        }
        lk.parent().remove(lk.name(), now());
    }

    /** Moves from's entry to to, replacing a compatible target as rename(2) does. */
    public void rename(Lookup from, Lookup to) throws WasiException {
        from.requireNamed(Errno.BUSY);
        to.requireNamed(Errno.BUSY);
        Inode source = from.requireExists();
        from.requireSlashFits();
        Inode target = to.node();
        if (to.trailingSlash() && !(source instanceof DirectoryNode)) {
            throw Errno.NOTDIR.error();
        }
        to.requireSlashFits();
        if (source == target) {
            return;
        }
        from.parent().requireWritable();
        DirectoryNode toParent = parentForNewName(to);
        if (source instanceof DirectoryNode dir) {
            for (DirectoryNode d = toParent; ; d = d.parent) {
                if (d == dir) {
                    throw Errno.INVAL.error();
                }
                if (d.parent == d) {
                    break;
                }
            }
            if (target != null && !(target instanceof DirectoryNode)) {
                throw Errno.NOTDIR.error();
            }
            if (target instanceof DirectoryNode t && !t.isEmpty()) {
                throw Errno.NOTEMPTY.error();
            }
        } else {
            if (target instanceof DirectoryNode) {
                throw Errno.ISDIR.error();
            }
        }
        long now = now();
        if (target != null) {
            toParent.remove(to.name(), now);
        }
        // Linked at its new name before the old one goes, so that it never has no name (which would give
        // back its file space).
        toParent.put(to.name(), source, now);
        from.parent().remove(from.name(), now);
        source.ctim = now;
    }
}
