package org.rubyport.wasi;

import java.util.ArrayList;
import java.util.List;
import org.rubyport.wasi.vfs.DirectoryNode;
import org.rubyport.wasi.vfs.FileNode;
import org.rubyport.wasi.vfs.Filetype;
import org.rubyport.wasi.vfs.Inode;
import org.rubyport.wasi.vfs.Lookup;
import org.rubyport.wasi.vfs.SymlinkNode;
import org.rubyport.wasi.vfs.Vfs;

/**
 * The 46 functions of wasi_snapshot_preview1, named as in the spec (camel-cased). Each returns an errno
 * code and only moves data between guest memory and descriptors; none throws into the guest except
 * {@link ProcExit} from proc_exit.
 */
public final class WasiPreview1 {
    static final int OFLAG_CREAT = 1;
    static final int OFLAG_DIRECTORY = 2;
    static final int OFLAG_EXCL = 4;
    static final int OFLAG_TRUNC = 8;
    static final int LOOKUP_SYMLINK_FOLLOW = 1;
    /** Rights that would change a file; asking for them on a read-only file gives EROFS, as open(2) does. */
    static final int WRITING_RIGHTS = Rights.FD_WRITE | Rights.FD_ALLOCATE | Rights.FD_FILESTAT_SET_SIZE;
    static final int FST_ATIM = 1;
    static final int FST_ATIM_NOW = 2;
    static final int FST_MTIM = 4;
    static final int FST_MTIM_NOW = 8;
    static final int CLOCK_REALTIME = 0;
    static final int CLOCK_MONOTONIC = 1;
    static final int CLOCK_PROCESS_CPUTIME = 2;
    static final int CLOCK_THREAD_CPUTIME = 3;
    static final int SUBCLOCK_ABSTIME = 1;
    static final int EVENTTYPE_CLOCK = 0;
    static final int EVENTTYPE_FD_READ = 1;
    static final int EVENTTYPE_FD_WRITE = 2;

    private final byte[][] args;
    private final byte[][] env;
    private final Vfs vfs;
    private final Clock clock;
    private final Host host;
    private final FdTable fds = new FdTable();
    private GuestMemory memory;
    /** Scratch space for the path of the call under way; paths are at most 4096 bytes. */
    private final byte[] pathBytes = new byte[4096];
    /** Scratch space for the dirent being written by fd_readdir. */
    private byte[] direntBytes = new byte[24 + 256];

    private WasiPreview1(Builder b) {
        this.args = encodeAll(b.args);
        this.env = encodeAll(b.env);
        this.vfs = b.vfs;
        this.clock = b.clock;
        this.host = b.host;
        this.memory = b.memory;
        try {
            fds.add(new StreamFd(b.stdin, null));
            fds.add(new StreamFd(null, b.stdout));
            fds.add(new StreamFd(null, b.stderr));
            for (int i = 0; i < b.preopenNames.size(); i++) {
                DirectoryNode dir = b.preopenDirs.get(i);
                fds.add(new DirectoryFd(dir, b.preopenNames.get(i), Rights.DIRECTORY,
                        Rights.DIRECTORY_INHERITING));
            }
        } catch (WasiException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Builder builder(Vfs vfs) {
        return new Builder(vfs);
    }

    /** Attaches the guest's memory, known only once the module is instantiated. */
    public void attach(GuestMemory guestMemory) {
        this.memory = guestMemory;
    }

    public GuestMemory memory() {
        return memory;
    }

    public Vfs vfs() {
        return vfs;
    }

    private static byte[][] encodeAll(String[] strings) {
        byte[][] out = new byte[strings.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Utf8.encode(strings[i]);
        }
        return out;
    }

    private static final int SUCCESS = 0;

    /**
     * The errno code for a call that failed with e. A bug of ours must not unwind the guest's stack, so it
     * sees an I/O error instead; only proc_exit's {@link ProcExit} goes through. (Each function has its own
     * try rather than a shared lambda runner: under TeaVM that lambda was a class and an allocation per call.)
     */
    private static int errno(Exception e) {
        if (e instanceof WasiException failure) {
            return failure.errno.code;
        }
        if (e instanceof ProcExit exit) {
            throw exit;
        }
        return Errno.IO.code;
    }

    // ---- guest memory helpers ----

    private void check(int ptr, double len) throws WasiException {
        if (!memory.contains(ptr, len)) {
            throw Errno.FAULT.error();
        }
    }

    private void putInt(int ptr, int value) throws WasiException {
        check(ptr, 4);
        memory.setInt(ptr, value);
    }

    private void putLong(int ptr, long value) throws WasiException {
        check(ptr, 8);
        memory.setLong(ptr, value);
    }

    private String readPath(int ptr, int len) throws WasiException {
        check(ptr, GuestMemory.unsigned(len));
        if (len > 4096 || len < 0) {
            throw Errno.NAMETOOLONG.error();
        }
        return memory.readUtf8(ptr, len, pathBytes);
    }

    /** Writes a NUL-terminated list: pointers at ptrsPtr, strings packed at bufPtr. */
    private int putStrings(byte[][] strings, int ptrsPtr, int bufPtr) {
        try {
            check(ptrsPtr, 4.0 * strings.length);
            check(bufPtr, sizeOf(strings));
            int at = bufPtr;
            for (int i = 0; i < strings.length; i++) {
                memory.setInt(ptrsPtr + 4 * i, at);
                memory.write(at, strings[i], 0, strings[i].length);
                memory.setByte(at + strings[i].length, (byte) 0);
                at += strings[i].length + 1;
            }
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    private int putSizes(byte[][] strings, int countPtr, int sizePtr) {
        try {
            check(countPtr, 4);
            check(sizePtr, 4);
            memory.setInt(countPtr, strings.length);
            memory.setInt(sizePtr, (int) sizeOf(strings));
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    private static long sizeOf(byte[][] strings) {
        long size = 0;
        for (byte[] s : strings) {
            size += s.length + 1;
        }
        return size;
    }

    private void putFilestat(int ptr, Inode node, byte filetype) throws WasiException {
        check(ptr, 64);
        memory.setLong(ptr, 0);
        memory.setLong(ptr + 8, node == null ? 0 : node.ino);
        memory.setLong(ptr + 16, 0);
        memory.setByte(ptr + 16, filetype);
        memory.setLong(ptr + 24, node == null ? 1 : node.nlink());
        memory.setLong(ptr + 32, node == null ? 0 : node.size());
        memory.setLong(ptr + 40, node == null ? 0 : node.atim());
        memory.setLong(ptr + 48, node == null ? 0 : node.mtim());
        memory.setLong(ptr + 56, node == null ? 0 : node.ctim());
    }

    private DirectoryFd directory(int fd) throws WasiException {
        if (fds.get(fd) instanceof DirectoryFd dir) {
            return dir;
        }
        throw Errno.NOTDIR.error();
    }

    private FileFd file(int fd) throws WasiException {
        Fd f = fds.get(fd);
        if (f instanceof FileFd file) {
            return file;
        }
        throw (f instanceof DirectoryFd ? Errno.ISDIR : Errno.INVAL).error();
    }

    private Lookup lookUp(int dirFd, int flags, int pathPtr, int pathLen, int right) throws WasiException {
        DirectoryFd dir = directory(dirFd);
        dir.requireRight(right);
        String path = readPath(pathPtr, pathLen);
        return vfs.lookUp(dir.dir, dir.dir, path, (flags & LOOKUP_SYMLINK_FOLLOW) != 0, dir.isGuestRoot());
    }

    /** The entry an operation creates, removes or renames (see {@link Vfs#lookUpEntry}). */
    private Lookup lookUpEntry(int dirFd, int pathPtr, int pathLen, int right) throws WasiException {
        DirectoryFd dir = directory(dirFd);
        dir.requireRight(right);
        return vfs.lookUpEntry(dir.dir, dir.dir, readPath(pathPtr, pathLen), dir.isGuestRoot());
    }

    // ---- args, environment, clocks, random ----

    public int argsGet(int argvPtr, int bufPtr) {
        return putStrings(args, argvPtr, bufPtr);
    }

    public int argsSizesGet(int countPtr, int sizePtr) {
        return putSizes(args, countPtr, sizePtr);
    }

    public int environGet(int environPtr, int bufPtr) {
        return putStrings(env, environPtr, bufPtr);
    }

    public int environSizesGet(int countPtr, int sizePtr) {
        return putSizes(env, countPtr, sizePtr);
    }

    private long now(int clockId) throws WasiException {
        switch (clockId) {
            case CLOCK_REALTIME:
                return clock.realtimeNanos();
            case CLOCK_MONOTONIC:
            case CLOCK_PROCESS_CPUTIME:
            case CLOCK_THREAD_CPUTIME:
                return clock.monotonicNanos();
            default:
                throw Errno.INVAL.error();
        }
    }

    public int clockResGet(int clockId, int resolutionPtr) {
        try {
            now(clockId);
            putLong(resolutionPtr, 1_000L);
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int clockTimeGet(int clockId, long precision, int timePtr) {
        try {
            putLong(timePtr, now(clockId));
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    private static final int RANDOM_CHUNK = 1 << 16;

    public int randomGet(int bufPtr, int len) {
        try {
            double size = GuestMemory.unsigned(len);
            check(bufPtr, size);
            // In pieces: a length past 2 GiB does not fit an array, and a big one need not be held twice.
            byte[] bytes = new byte[(int) Math.min(size, RANDOM_CHUNK)];
            int at = bufPtr;
            for (double left = size; left > 0; left -= bytes.length) {
                int n = (int) Math.min(left, bytes.length);
                host.randomBytes(bytes);
                memory.write(at, bytes, 0, n);
                at += n;
            }
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    // ---- descriptors ----

    public int fdAdvise(int fd, long offset, long len, int advice) {
        try {
            file(fd);
            if (advice < 0 || advice > 5 || offset < 0 || len < 0) {
                throw Errno.INVAL.error();
            }
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int fdAllocate(int fd, long offset, long len) {
        try {
            FileFd f = file(fd);
            f.requireWritable();
            if (offset < 0 || len <= 0) {
                throw Errno.INVAL.error();
            }
            if (len > FileNode.MAX_SIZE - offset) {
                throw Errno.FBIG.error(); // also where offset + len would overflow and look small
            }
            if (offset + len > f.file.size()) {
                f.file.setSize(offset + len, vfs.now());
            }
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int fdClose(int fd) {
        try {
            fds.close(fd);
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int fdDatasync(int fd) {
        try {
            fds.get(fd);
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int fdSync(int fd) {
        try {
            fds.get(fd);
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int fdFdstatGet(int fd, int statPtr) {
        try {
            Fd f = fds.get(fd);
            check(statPtr, 24);
            memory.setInt(statPtr, 0);
            memory.setInt(statPtr + 4, 0);
            memory.setByte(statPtr, f.filetype());
            memory.setShort(statPtr + 2, f.flags);
            putRights(statPtr + 8, f.rightsBase);
            putRights(statPtr + 16, f.rightsInheriting);
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    /** Rights as the guest's 64-bit field, in two int halves, without a long. */
    private void putRights(int ptr, int rights) {
        memory.setInt(ptr, rights);
        memory.setInt(ptr + 4, 0);
    }

    public int fdFdstatSetFlags(int fd, int flags) {
        try {
            if ((flags & ~0x1F) != 0) {
                throw Errno.INVAL.error();
            }
            fds.get(fd).setFlags((short) flags);
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int fdFdstatSetRights(int fd, long rightsBase, long rightsInheriting) {
        try {
            Fd f = fds.get(fd);
            int base = Rights.fromGuest(rightsBase);
            int inheriting = Rights.fromGuest(rightsInheriting);
            if ((base & ~f.rightsBase) != 0 || (inheriting & ~f.rightsInheriting) != 0) {
                throw Errno.NOTCAPABLE.error();
            }
            f.rightsBase = base;
            f.rightsInheriting = inheriting;
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int fdFilestatGet(int fd, int statPtr) {
        try {
            Fd f = fds.get(fd);
            putFilestat(statPtr, f.inode(), f.filetype());
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int fdFilestatSetSize(int fd, long size) {
        try {
            FileFd f = file(fd);
            f.requireWritable();
            if (size < 0) {
                throw Errno.INVAL.error();
            }
            f.file.setSize(size, vfs.now());
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int fdFilestatSetTimes(int fd, long atim, long mtim, int fstFlags) {
        try {
            Inode node = fds.get(fd).inode();
            if (node == null) {
                throw Errno.BADF.error();
            }
            setTimes(node, atim, mtim, fstFlags);
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    private void setTimes(Inode node, long atim, long mtim, int fstFlags) throws WasiException {
        node.requireWritable();
        if ((fstFlags & ~0xF) != 0
                || (fstFlags & (FST_ATIM | FST_ATIM_NOW)) == (FST_ATIM | FST_ATIM_NOW)
                || (fstFlags & (FST_MTIM | FST_MTIM_NOW)) == (FST_MTIM | FST_MTIM_NOW)) {
            throw Errno.INVAL.error();
        }
        long now = vfs.now();
        long a = (fstFlags & FST_ATIM) != 0 ? atim : (fstFlags & FST_ATIM_NOW) != 0 ? now : node.atim();
        long m = (fstFlags & FST_MTIM) != 0 ? mtim : (fstFlags & FST_MTIM_NOW) != 0 ? now : node.mtim();
        node.setTimes(a, m, now);
    }

    public int fdPread(int fd, int iovsPtr, int iovsLen, long offset, int nreadPtr) {
        try {
            check(nreadPtr, 4);
            Iovec[] iovs = Iovec.readAll(memory, iovsPtr, iovsLen);
            memory.setInt(nreadPtr, (int) fds.get(fd).pread(memory, iovs, offset));
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int fdPwrite(int fd, int iovsPtr, int iovsLen, long offset, int nwrittenPtr) {
        try {
            check(nwrittenPtr, 4);
            Iovec[] iovs = Iovec.readAll(memory, iovsPtr, iovsLen);
            memory.setInt(nwrittenPtr, (int) fds.get(fd).pwrite(memory, iovs, offset));
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int fdRead(int fd, int iovsPtr, int iovsLen, int nreadPtr) {
        try {
            check(nreadPtr, 4);
            Iovec[] iovs = Iovec.readAll(memory, iovsPtr, iovsLen);
            memory.setInt(nreadPtr, (int) fds.get(fd).read(memory, iovs));
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int fdWrite(int fd, int iovsPtr, int iovsLen, int nwrittenPtr) {
        try {
            check(nwrittenPtr, 4);
            Iovec[] iovs = Iovec.readAll(memory, iovsPtr, iovsLen);
            memory.setInt(nwrittenPtr, (int) fds.get(fd).write(memory, iovs));
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int fdPrestatGet(int fd, int prestatPtr) {
        try {
            DirectoryFd dir = preopen(fd);
            check(prestatPtr, 8);
            memory.setInt(prestatPtr, 0);
            memory.setInt(prestatPtr + 4, Utf8.encode(dir.preopenName).length);
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int fdPrestatDirName(int fd, int pathPtr, int pathLen) {
        try {
            byte[] name = Utf8.encode(preopen(fd).preopenName);
            if (pathLen < name.length) {
                throw Errno.NAMETOOLONG.error();
            }
            check(pathPtr, name.length);
            memory.write(pathPtr, name, 0, name.length);
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    private DirectoryFd preopen(int fd) throws WasiException {
        if (fds.get(fd) instanceof DirectoryFd dir && dir.preopenName != null) {
            return dir;
        }
        throw Errno.BADF.error();
    }

    public int fdReaddir(int fd, int bufPtr, int bufLen, long cookie, int bufusedPtr) {
        try {
            DirectoryFd dir = directory(fd);
            dir.requireRight(Rights.FD_READDIR);
            check(bufusedPtr, 4);
            check(bufPtr, GuestMemory.unsigned(bufLen));
            if (cookie < 0) {
                throw Errno.INVAL.error();
            }
            // Cookies: 0 is ".", 1 is "..", then each entry's sequence number, so they stay valid as the
            // directory changes. A removed directory lists nothing, not even "." and "..", as on Linux.
            int used = 0;
            if (!dir.dir.isRemoved()) {
                if (cookie == 0) {
                    used = putDirent(bufPtr, bufLen, used, 0, ".", dir.dir);
                }
                if (cookie <= 1) {
                    used = putDirent(bufPtr, bufLen, used, 1, "..", dir.dir.parent());
                }
            }
            long from = Math.max(cookie, DirectoryNode.FIRST_ENTRY_SEQUENCE);
            for (DirectoryNode.Link link : dir.dir.listingFrom(from)) {
                if (used >= bufLen) {
                    break;
                }
                used = putDirent(bufPtr, bufLen, used, link.sequence, link.name, link.node);
            }
            memory.setInt(bufusedPtr, used);
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    /**
     * Writes one dirent (header, then name) at bufPtr + used, cut off where the buffer ends, as the spec
     * asks so that the guest knows to retry with a larger buffer. Returns the new used count.
     */
    private int putDirent(int bufPtr, int bufLen, int used, long cookie, String name, Inode node) {
        if (used >= bufLen) {
            return used;
        }
        int nameLength = Utf8.encodedLength(name);
        if (direntBytes.length < 24 + nameLength) {
            direntBytes = new byte[24 + nameLength];
        }
        byte[] entry = direntBytes;
        LittleEndian.putLong(entry, 0, cookie + 1);
        LittleEndian.putLong(entry, 8, node.ino);
        LittleEndian.putInt(entry, 16, nameLength);
        LittleEndian.putInt(entry, 20, node.filetype());
        Utf8.encode(name, entry, 24);
        int n = Math.min(24 + nameLength, bufLen - used);
        memory.write(bufPtr + used, entry, 0, n);
        return used + n;
    }

    public int fdRenumber(int from, int to) {
        try {
            fds.renumber(from, to);
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int fdSeek(int fd, long offset, int whence, int newOffsetPtr) {
        try {
            check(newOffsetPtr, 8);
            memory.setLong(newOffsetPtr, fds.get(fd).seek(offset, whence));
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int fdTell(int fd, int offsetPtr) {
        try {
            check(offsetPtr, 8);
            memory.setLong(offsetPtr, fds.get(fd).seek(0, 1));
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    // ---- paths ----

    public int pathCreateDirectory(int fd, int pathPtr, int pathLen) {
        try {
            vfs.mkdir(lookUpEntry(fd, pathPtr, pathLen, Rights.PATH_CREATE_DIRECTORY));
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int pathFilestatGet(int fd, int flags, int pathPtr, int pathLen, int statPtr) {
        try {
            check(statPtr, 64);
            Inode node = lookUp(fd, flags, pathPtr, pathLen, Rights.PATH_FILESTAT_GET).requireExists();
            putFilestat(statPtr, node, node.filetype());
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int pathFilestatSetTimes(int fd, int flags, int pathPtr, int pathLen, long atim, long mtim,
            int fstFlags) {
        try {
            setTimes(
                    lookUp(fd, flags, pathPtr, pathLen, Rights.PATH_FILESTAT_SET_TIMES).requireExists(),
                    atim, mtim, fstFlags);
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int pathLink(int oldFd, int oldFlags, int oldPathPtr, int oldPathLen, int newFd, int newPathPtr,
            int newPathLen) {
        try {
            vfs.link(
                    lookUp(oldFd, oldFlags, oldPathPtr, oldPathLen, Rights.PATH_LINK_SOURCE),
                    lookUpEntry(newFd, newPathPtr, newPathLen, Rights.PATH_LINK_TARGET));
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int pathOpen(int fd, int dirFlags, int pathPtr, int pathLen, int oflags, long rightsBase,
            long rightsInheriting, int fdFlags, int openedFdPtr) {
        try {
            check(openedFdPtr, 4);
            DirectoryFd dir = directory(fd);
            int base = Rights.fromGuest(rightsBase);
            int inheriting = Rights.fromGuest(rightsInheriting);
            boolean exclusive = (oflags & (OFLAG_CREAT | OFLAG_EXCL)) == (OFLAG_CREAT | OFLAG_EXCL);
            // With O_CREAT|O_EXCL a symlink in last place, even a dangling one, is "existing" (open(2)).
            int lookupFlags = exclusive ? dirFlags & ~LOOKUP_SYMLINK_FOLLOW : dirFlags;
            Lookup lk = lookUp(fd, lookupFlags, pathPtr, pathLen, Rights.PATH_OPEN);
            Inode node = lk.node();
            if (node == null) {
                if ((oflags & OFLAG_CREAT) == 0) {
                    throw Errno.NOENT.error();
                }
                if ((oflags & OFLAG_DIRECTORY) != 0) {
                    throw Errno.INVAL.error();
                }
                dir.requireRight(Rights.PATH_CREATE_FILE);
                node = vfs.createFile(lk);
            } else if (exclusive) {
                throw Errno.EXIST.error();
            }
            Fd opened;
            if (node instanceof SymlinkNode) { // not followed: O_NOFOLLOW
                throw ((oflags & OFLAG_DIRECTORY) != 0 ? Errno.NOTDIR : Errno.LOOP).error();
            } else if (node instanceof DirectoryNode d) {
                if ((oflags & (OFLAG_TRUNC | OFLAG_CREAT)) != 0 || (base & Rights.FD_WRITE) != 0) {
                    throw Errno.ISDIR.error();
                }
                opened = new DirectoryFd(d, null, base & Rights.DIRECTORY & dir.rightsInheriting,
                        inheriting & dir.rightsInheriting);
            } else if ((oflags & OFLAG_DIRECTORY) != 0) {
                throw Errno.NOTDIR.error();
            } else {
                FileNode file = (FileNode) node;
                if ((oflags & OFLAG_TRUNC) != 0 || (base & WRITING_RIGHTS) != 0) {
                    file.requireWritable();
                }
                if ((oflags & OFLAG_TRUNC) != 0) {
                    dir.requireRight(Rights.PATH_FILESTAT_SET_SIZE);
                    file.setSize(0, vfs.now());
                }
                opened = new FileFd(vfs, file, base & Rights.REGULAR_FILE & dir.rightsInheriting,
                        inheriting & dir.rightsInheriting, (short) fdFlags);
            }
            memory.setInt(openedFdPtr, fds.add(opened));
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int pathReadlink(int fd, int pathPtr, int pathLen, int bufPtr, int bufLen, int bufusedPtr) {
        try {
            check(bufusedPtr, 4);
            check(bufPtr, GuestMemory.unsigned(bufLen));
            Inode node = lookUp(fd, 0, pathPtr, pathLen, Rights.PATH_READLINK).requireExists();
            if (!(node instanceof SymlinkNode link)) {
                throw Errno.INVAL.error();
            }
            byte[] target = Utf8.encode(link.target);
            int n = Math.min(target.length, bufLen);
            memory.write(bufPtr, target, 0, n);
            memory.setInt(bufusedPtr, n);
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int pathRemoveDirectory(int fd, int pathPtr, int pathLen) {
        try {
            vfs.rmdir(lookUpEntry(fd, pathPtr, pathLen, Rights.PATH_REMOVE_DIRECTORY));
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int pathRename(int fd, int oldPathPtr, int oldPathLen, int newFd, int newPathPtr, int newPathLen) {
        try {
            vfs.rename(
                    lookUpEntry(fd, oldPathPtr, oldPathLen, Rights.PATH_RENAME_SOURCE),
                    lookUpEntry(newFd, newPathPtr, newPathLen, Rights.PATH_RENAME_TARGET));
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int pathSymlink(int oldPathPtr, int oldPathLen, int fd, int newPathPtr, int newPathLen) {
        try {
            String target = readPath(oldPathPtr, oldPathLen);
            if (target.startsWith("/") && !directory(fd).isGuestRoot()) {
                throw Errno.NOTCAPABLE.error();
            }
            vfs.symlink(target, lookUpEntry(fd, newPathPtr, newPathLen, Rights.PATH_SYMLINK));
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int pathUnlinkFile(int fd, int pathPtr, int pathLen) {
        try {
            vfs.unlink(lookUpEntry(fd, pathPtr, pathLen, Rights.PATH_UNLINK_FILE));
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    // ---- polling, processes, scheduling ----

    public int pollOneoff(int inPtr, int outPtr, int nsubscriptions, int neventsPtr) {
        try {
            new Poll(memory, fds, this::now, host).run(inPtr, outPtr, nsubscriptions, neventsPtr);
            return SUCCESS;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int procExit(int code) {
        throw new ProcExit(code);
    }

    public int procRaise(int signal) {
        return Errno.NOTSUP.code;
    }

    public int schedYield() {
        return SUCCESS;
    }

    // ---- sockets: there are none, so every descriptor is "not a socket" ----

    private int notSocket(int fd) {
        try {
            fds.get(fd);
            return Errno.NOTSOCK.code;
        } catch (Exception e) {
            return errno(e);
        }
    }

    public int sockAccept(int fd, int flags, int fdPtr) {
        return notSocket(fd);
    }

    public int sockRecv(int fd, int riDataPtr, int riDataLen, int riFlags, int roDataLenPtr, int roFlagsPtr) {
        return notSocket(fd);
    }

    public int sockSend(int fd, int siDataPtr, int siDataLen, int siFlags, int soDataLenPtr) {
        return notSocket(fd);
    }

    public int sockShutdown(int fd, int how) {
        return notSocket(fd);
    }

    /** Configures a runtime: arguments, environment, standard streams, preopened directories. */
    public static final class Builder {
        private final Vfs vfs;
        private String[] args = {};
        private String[] env = {};
        private InputSource stdin = InputSource.EMPTY;
        private OutputSink stdout = (b, o, l) -> { };
        private OutputSink stderr = (b, o, l) -> { };
        private final List<String> preopenNames = new ArrayList<>();
        private final List<DirectoryNode> preopenDirs = new ArrayList<>();
        private Clock clock;
        private Host host;
        /** Here or through {@link WasiPreview1#attach}: the guest can make no call before it has a memory. */
        private GuestMemory memory;

        private Builder(Vfs vfs) {
            this.vfs = vfs;
            this.clock = vfs.clock(); // one clock for file times and clock_time_get, unless told otherwise
        }

        public Builder args(String... value) {
            args = value.clone();
            return this;
        }

        /** Environment entries as "NAME=value". */
        public Builder env(String... value) {
            env = value.clone();
            return this;
        }

        public Builder stdin(InputSource value) {
            stdin = value;
            return this;
        }

        public Builder stdout(OutputSink value) {
            stdout = value;
            return this;
        }

        public Builder stderr(OutputSink value) {
            stderr = value;
            return this;
        }

        /** Makes dir visible to the guest under guestPath, as the next descriptor from 3 upward. */
        public Builder preopen(String guestPath, DirectoryNode dir) {
            preopenNames.add(guestPath);
            preopenDirs.add(dir);
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder host(Host value) {
            host = value;
            return this;
        }

        public Builder memory(GuestMemory value) {
            memory = value;
            return this;
        }

        public WasiPreview1 build() {
            if (host == null) {
                throw new IllegalStateException("a Host (randomness, sleeping) is required");
            }
            return new WasiPreview1(this);
        }
    }
}
