package org.rubyport.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.BiConsumer;
import org.rubyport.wasi.vfs.Vfs;

/**
 * A WASI runtime over a fresh {@link Vfs} and a 1 MiB {@link ByteArrayGuestMemory}, plus what a test needs
 * to play the guest: a bump allocator for guest structs, writers for strings and iovecs, readers for
 * results. Tests call {@link #wasi} directly with the pointers these helpers return.
 */
final class Guest {
    static final int MEMORY_SIZE = 1 << 20;
    /** fd of the first preopen. */
    static final int PREOPEN = 3;

    static final int OFLAG_CREAT = 1;
    static final int OFLAG_DIRECTORY = 2;
    static final int OFLAG_EXCL = 4;
    static final int OFLAG_TRUNC = 8;
    static final int FOLLOW = 1;
    static final int FDFLAG_APPEND = 1;

    /** A string in guest memory, as the (ptr, len) pair WASI takes. */
    record Str(int ptr, int len) {
    }

    final FakeClock clock = new FakeClock();
    final FakeHost host = new FakeHost();
    final Vfs vfs = new Vfs(clock);
    final ByteArrayGuestMemory memory = new ByteArrayGuestMemory(MEMORY_SIZE);
    final WasiPreview1 wasi;
    /** Next free guest address; the first 64 bytes stay unused so that 0 is never a valid result. */
    private int top = 64;

    /** A runtime configured by setup, which must add the preopens. */
    Guest(BiConsumer<Vfs, WasiPreview1.Builder> setup) {
        WasiPreview1.Builder builder = WasiPreview1.builder(vfs).host(host).clock(clock).memory(memory);
        setup.accept(vfs, builder);
        wasi = builder.build();
    }

    /** A runtime whose fd 3 is the whole file system, preopened as "/". */
    Guest() {
        this((vfs, b) -> b.preopen("/", vfs.root()));
    }

    // ---- writing guest memory ----

    /** Reserves n bytes, 8-aligned and zeroed. */
    int alloc(int n) {
        int ptr = top;
        top = (top + n + 7) & ~7;
        if (top > MEMORY_SIZE) {
            throw new IllegalStateException("test guest memory exhausted");
        }
        Arrays.fill(memory.bytes(), ptr, ptr + n, (byte) 0);
        return ptr;
    }

    Str str(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    Str bytes(byte[] b) {
        int ptr = alloc(b.length);
        memory.write(ptr, b, 0, b.length);
        return new Str(ptr, b.length);
    }

    /** Writes an iovec array, one entry per buffer; returns its address. */
    int iovs(Str... buffers) {
        int ptr = alloc(buffers.length * 8);
        for (int i = 0; i < buffers.length; i++) {
            memory.setInt(ptr + 8 * i, buffers[i].ptr());
            memory.setInt(ptr + 8 * i + 4, buffers[i].len());
        }
        return ptr;
    }

    // ---- reading guest memory ----

    int u32(int ptr) {
        return memory.getInt(ptr);
    }

    long u64(int ptr) {
        return memory.getLong(ptr);
    }

    int u8(int ptr) {
        return memory.getByte(ptr) & 0xFF;
    }

    String string(int ptr, int len) {
        return new String(memory.bytes(), ptr, len, StandardCharsets.UTF_8);
    }

    String string(Str s) {
        return string(s.ptr(), s.len());
    }

    // ---- errno assertions ----

    static String errnoName(int code) {
        for (Errno errno : Errno.values()) {
            if (errno.code == code) {
                return errno.name();
            }
        }
        return "errno " + code;
    }

    static void assertErrno(Errno expected, int actual) {
        assertEquals(expected.name(), errnoName(actual));
    }

    static void assertErrno(Errno expected, int actual, String message) {
        assertEquals(expected.name(), errnoName(actual), message);
    }

    static void ok(int actual) {
        assertErrno(Errno.SUCCESS, actual);
    }

    // ---- common calls, failing the test on an unexpected errno ----

    /** path_open with all rights a file can have; returns the new fd. */
    int open(int dirFd, String path, int oflags) {
        return open(dirFd, path, oflags, Rights.REGULAR_FILE, 0);
    }

    /** path_open of a directory with all rights a directory can have; returns the new fd. */
    int openDir(int dirFd, String path) {
        return open(dirFd, path, OFLAG_DIRECTORY, Rights.DIRECTORY, 0);
    }

    int open(int dirFd, String path, int oflags, long rights, int fdflags) {
        int out = alloc(4);
        ok(openErrno(dirFd, FOLLOW, path, oflags, rights, fdflags, out));
        return u32(out);
    }

    int openErrno(int dirFd, int lookupFlags, String path, int oflags, long rights, int fdflags, int outPtr) {
        Str p = str(path);
        return wasi.pathOpen(dirFd, lookupFlags, p.ptr(), p.len(), oflags, rights, Rights.DIRECTORY_INHERITING,
                fdflags, outPtr);
    }

    int openErrno(int dirFd, int lookupFlags, String path, int oflags) {
        return openErrno(dirFd, lookupFlags, path, oflags, Rights.REGULAR_FILE, 0, alloc(4));
    }

    /** Creates (or truncates) a file holding content. */
    void writeFile(int dirFd, String path, String content) {
        int fd = open(dirFd, path, OFLAG_CREAT | OFLAG_TRUNC);
        assertEquals(content.getBytes(StandardCharsets.UTF_8).length, write(fd, content));
        ok(wasi.fdClose(fd));
    }

    /** fd_write of one buffer; returns nwritten. */
    int write(int fd, String content) {
        int nwritten = alloc(4);
        ok(wasi.fdWrite(fd, iovs(str(content)), 1, nwritten));
        return u32(nwritten);
    }

    /** fd_read into one buffer of max bytes; returns what was read. */
    String read(int fd, int max) {
        Str buf = new Str(alloc(max), max);
        int nread = alloc(4);
        ok(wasi.fdRead(fd, iovs(buf), 1, nread));
        return string(buf.ptr(), u32(nread));
    }

    String readFile(int dirFd, String path) {
        int fd = open(dirFd, path, 0, Rights.FD_READ, 0);
        String content = read(fd, 4096);
        ok(wasi.fdClose(fd));
        return content;
    }

    long seek(int fd, long offset, int whence) {
        int out = alloc(8);
        ok(wasi.fdSeek(fd, offset, whence, out));
        return u64(out);
    }

    long tell(int fd) {
        int out = alloc(8);
        ok(wasi.fdTell(fd, out));
        return u64(out);
    }

    void mkdir(int dirFd, String path) {
        Str p = str(path);
        ok(wasi.pathCreateDirectory(dirFd, p.ptr(), p.len()));
    }

    void symlink(String target, int dirFd, String path) {
        Str t = str(target);
        Str p = str(path);
        ok(wasi.pathSymlink(t.ptr(), t.len(), dirFd, p.ptr(), p.len()));
    }

    /** path_filestat_get into a fresh 64-byte filestat; returns its address, or fails on an errno. */
    int stat(int dirFd, int lookupFlags, String path) {
        int buf = alloc(64);
        ok(statErrno(dirFd, lookupFlags, path, buf));
        return buf;
    }

    int statErrno(int dirFd, int lookupFlags, String path, int buf) {
        Str p = str(path);
        return wasi.pathFilestatGet(dirFd, lookupFlags, p.ptr(), p.len(), buf);
    }

    int statErrno(int dirFd, int lookupFlags, String path) {
        return statErrno(dirFd, lookupFlags, path, alloc(64));
    }

    // filestat fields
    long ino(int stat) {
        return u64(stat + 8);
    }

    int filetype(int stat) {
        return u8(stat + 16);
    }

    long nlink(int stat) {
        return u64(stat + 24);
    }

    long size(int stat) {
        return u64(stat + 32);
    }
}
