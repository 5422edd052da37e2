package org.rubyport.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rubyport.wasi.Guest.FDFLAG_APPEND;
import static org.rubyport.wasi.Guest.FOLLOW;
import static org.rubyport.wasi.Guest.OFLAG_CREAT;
import static org.rubyport.wasi.Guest.OFLAG_DIRECTORY;
import static org.rubyport.wasi.Guest.OFLAG_EXCL;
import static org.rubyport.wasi.Guest.OFLAG_TRUNC;
import static org.rubyport.wasi.Guest.PREOPEN;
import static org.rubyport.wasi.Guest.assertErrno;
import static org.rubyport.wasi.Guest.ok;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rubyport.wasi.Guest.Str;
import org.rubyport.wasi.vfs.FileNode;
import org.rubyport.wasi.vfs.Filetype;

/** Opening, reading, writing and seeking regular files through the WASI calls. */
class WasiFileIoTest {
    private final Guest g = new Guest();
    private final WasiPreview1 w = g.wasi;

    private FileNode node(String name) {
        return (FileNode) g.vfs.root().get(name);
    }

    @Test
    void writesGatherAndReadsScatterAcrossIovecs() {
        int fd = g.open(PREOPEN, "f.txt", OFLAG_CREAT);
        int nwritten = g.alloc(4);
        ok(w.fdWrite(fd, g.iovs(g.str("hello, "), g.str("wörld")), 2, nwritten));
        assertEquals(13, g.u32(nwritten), "UTF-8 bytes written");
        assertEquals(13, g.tell(fd));

        assertEquals(0, g.seek(fd, 0, 0));
        Str a = new Str(g.alloc(5), 5);
        Str b = new Str(g.alloc(100), 100);
        int nread = g.alloc(4);
        ok(w.fdRead(fd, g.iovs(a, b), 2, nread));
        assertEquals(13, g.u32(nread));
        assertEquals("hello", g.string(a));
        assertEquals(", wörld", g.string(b.ptr(), 8));
        assertEquals("hello, wörld", new String(node("f.txt").content(), StandardCharsets.UTF_8));

        ok(w.fdRead(fd, g.iovs(b), 1, nread));
        assertEquals(0, g.u32(nread), "end of file reads 0");
    }

    @Test
    void aZeroLengthIovecDoesNotEndTheRead() {
        g.writeFile(PREOPEN, "f", "abc");
        int fd = g.open(PREOPEN, "f", 0);
        Str empty = new Str(g.alloc(1), 0);
        Str buf = new Str(g.alloc(8), 8);
        int nread = g.alloc(4);
        ok(w.fdRead(fd, g.iovs(empty, buf), 2, nread));
        assertEquals(3, g.u32(nread));
        assertEquals("abc", g.string(buf.ptr(), 3));

        ok(w.fdPread(fd, g.iovs(empty, buf), 2, 1, nread));
        assertEquals(2, g.u32(nread));
        assertEquals("bc", g.string(buf.ptr(), 2));
    }

    @Test
    void preadAndPwriteLeaveTheOffsetAlone() {
        g.writeFile(PREOPEN, "f", "0123456789");
        int fd = g.open(PREOPEN, "f", 0);
        assertEquals(4, g.seek(fd, 4, 0));

        Str buf = new Str(g.alloc(3), 3);
        int n = g.alloc(4);
        ok(w.fdPread(fd, g.iovs(buf), 1, 1, n));
        assertEquals(3, g.u32(n));
        assertEquals("123", g.string(buf));
        assertEquals(4, g.tell(fd));

        ok(w.fdPwrite(fd, g.iovs(g.str("XY")), 1, 8, n));
        assertEquals(2, g.u32(n));
        assertEquals(4, g.tell(fd));
        assertEquals("0123", new String(node("f").content(), 0, 4, StandardCharsets.US_ASCII));
        assertEquals("4567", g.read(fd, 4), "the next read continues at the old offset");
        assertEquals("01234567XY", g.readFile(PREOPEN, "f"));

        ok(w.fdPwrite(fd, g.iovs(g.str("!")), 1, 12, n));
        assertArrayEquals("01234567XY\0\0!".getBytes(StandardCharsets.US_ASCII), node("f").content(),
                "a pwrite past the end zero-fills the gap");
        assertEquals(8, g.tell(fd));
    }

    @Test
    void appendWritesAtTheEndWhereverTheOffsetIs() {
        g.writeFile(PREOPEN, "log", "one\n");
        int fd = g.open(PREOPEN, "log", 0, Rights.REGULAR_FILE, FDFLAG_APPEND);
        assertEquals(0, g.tell(fd));
        g.write(fd, "two\n");
        assertEquals(8, g.tell(fd));
        g.seek(fd, 0, 0);
        g.write(fd, "three\n");
        assertEquals("one\ntwo\nthree\n", g.readFile(PREOPEN, "log"));

        int stat = g.alloc(24);
        ok(w.fdFdstatGet(fd, stat));
        assertEquals(FDFLAG_APPEND, g.memory.getShort(stat + 2));

        ok(w.fdFdstatSetFlags(fd, 0));
        g.seek(fd, 0, 0);
        g.write(fd, "ONE");
        assertEquals("ONE\ntwo\nthree\n", g.readFile(PREOPEN, "log"), "without append, writes go to the offset");
    }

    @Test
    void oflagsCreatExclTruncDirectory() {
        g.writeFile(PREOPEN, "f", "keep");
        assertErrno(Errno.EXIST, g.openErrno(PREOPEN, FOLLOW, "f", OFLAG_CREAT | OFLAG_EXCL));
        assertEquals("keep", g.readFile(PREOPEN, "f"));
        assertErrno(Errno.EXIST, g.openErrno(PREOPEN, FOLLOW, ".", OFLAG_CREAT | OFLAG_EXCL));

        assertErrno(Errno.NOENT, g.openErrno(PREOPEN, FOLLOW, "missing", 0));
        assertEquals(null, g.vfs.root().get("missing"));
        int fd = g.open(PREOPEN, "new", OFLAG_CREAT | OFLAG_EXCL);
        ok(w.fdClose(fd));
        assertEquals(0, node("new").size());

        assertErrno(Errno.NOTDIR, g.openErrno(PREOPEN, FOLLOW, "f", OFLAG_DIRECTORY));
        assertErrno(Errno.INVAL, g.openErrno(PREOPEN, FOLLOW, "nodir", OFLAG_CREAT | OFLAG_DIRECTORY));
        assertErrno(Errno.ISDIR, g.openErrno(PREOPEN, FOLLOW, "newdir/", OFLAG_CREAT));
        assertEquals(null, g.vfs.root().get("newdir"));

        fd = g.open(PREOPEN, "f", OFLAG_TRUNC);
        assertEquals(0, node("f").size());
        assertEquals("", g.read(fd, 10));
    }

    @Test
    void directoriesOpenOnlyWithoutWriteAccess() {
        g.mkdir(PREOPEN, "d");
        int out = g.alloc(4);
        assertErrno(Errno.ISDIR, g.openErrno(PREOPEN, FOLLOW, "d", 0, Rights.FD_WRITE, 0, out));
        assertErrno(Errno.ISDIR, g.openErrno(PREOPEN, FOLLOW, "d", OFLAG_TRUNC, Rights.DIRECTORY, 0, out));
        int fd = g.openDir(PREOPEN, "d");
        Str buf = new Str(g.alloc(8), 8);
        int n = g.alloc(8);
        assertErrno(Errno.ISDIR, w.fdRead(fd, g.iovs(buf), 1, n));
        assertErrno(Errno.ISDIR, w.fdWrite(fd, g.iovs(buf), 1, n));
        assertErrno(Errno.BADF, w.fdSeek(fd, 0, 0, n));
        int stat = g.alloc(24);
        ok(w.fdFdstatGet(fd, stat));
        assertEquals(Filetype.DIRECTORY, g.memory.getByte(stat));
    }

    @Test
    void rightsLimitWhatAnOpenFileMayDo() {
        g.writeFile(PREOPEN, "f", "data");
        int ro = g.open(PREOPEN, "f", 0, Rights.FD_READ, 0);
        int n = g.alloc(4);
        assertErrno(Errno.BADF, w.fdWrite(ro, g.iovs(g.str("x")), 1, n));
        assertErrno(Errno.BADF, w.fdPwrite(ro, g.iovs(g.str("x")), 1, 0, n));
        assertErrno(Errno.BADF, w.fdFilestatSetSize(ro, 0));
        assertErrno(Errno.BADF, w.fdAllocate(ro, 0, 100));
        assertEquals("data", g.read(ro, 10));

        int wo = g.open(PREOPEN, "f", 0, Rights.FD_WRITE, 0);
        assertErrno(Errno.BADF, w.fdRead(wo, g.iovs(new Str(g.alloc(4), 4)), 1, n));
        assertEquals("data", g.readFile(PREOPEN, "f"));

        int stat = g.alloc(24);
        ok(w.fdFdstatGet(ro, stat));
        assertEquals(Filetype.REGULAR_FILE, g.memory.getByte(stat));
        assertEquals(Rights.FD_READ, g.u64(stat + 8));

        assertErrno(Errno.NOTCAPABLE, w.fdFdstatSetRights(ro, Rights.FD_READ | Rights.FD_WRITE, 0));
        ok(w.fdFdstatSetRights(ro, 0, 0));
        assertErrno(Errno.BADF, w.fdRead(ro, g.iovs(new Str(g.alloc(4), 4)), 1, n));

        // A directory whose rights were narrowed hands out no more than it holds.
        int dir = g.openDir(PREOPEN, ".");
        ok(w.fdFdstatSetRights(dir, Rights.DIRECTORY, Rights.FD_READ | Rights.PATH_OPEN));
        int fd = g.open(dir, "f", 0, Rights.REGULAR_FILE, 0);
        ok(w.fdFdstatGet(fd, stat));
        assertEquals(Rights.FD_READ, g.u64(stat + 8));
    }

    @Test
    void rightsPastTheThirtyDefinedBitsAreNeverHeld() {
        g.writeFile(PREOPEN, "f", "data");
        int fd = g.open(PREOPEN, "f", 0, -1L, 0); // asks for every bit: gets what a file can hold
        int stat = g.alloc(24);
        for (int i = 0; i < 24; i++) {
            g.memory.setByte(stat + i, (byte) 0xFF);
        }
        ok(w.fdFdstatGet(fd, stat));
        assertEquals(Rights.REGULAR_FILE, g.u64(stat + 8));
        assertEquals(Rights.DIRECTORY_INHERITING, g.u64(stat + 16));

        assertErrno(Errno.NOTCAPABLE, w.fdFdstatSetRights(fd, Rights.FD_READ | 1L << 40, 0));
        assertErrno(Errno.NOTCAPABLE, w.fdFdstatSetRights(fd, 1L << 31, 0));
        assertErrno(Errno.NOTCAPABLE, w.fdFdstatSetRights(fd, Rights.FD_READ, 1L << 33));
        ok(w.fdFdstatSetRights(fd, Rights.FD_READ, 0));
        ok(w.fdFdstatGet(fd, stat));
        assertEquals(Rights.FD_READ, g.u64(stat + 8));
    }

    @Test
    void seekWhenceAndBounds() {
        g.writeFile(PREOPEN, "f", "0123456789");
        int fd = g.open(PREOPEN, "f", 0);
        assertEquals(3, g.seek(fd, 3, 0));
        assertEquals(5, g.seek(fd, 2, 1));
        assertEquals(8, g.seek(fd, -2, 2));
        assertEquals("89", g.read(fd, 5));
        int out = g.alloc(8);
        assertErrno(Errno.INVAL, w.fdSeek(fd, -11, 2, out));
        assertErrno(Errno.INVAL, w.fdSeek(fd, 0, 3, out));
        assertErrno(Errno.INVAL, w.fdSeek(fd, Long.MAX_VALUE, 1, out));
        assertEquals(10, g.tell(fd), "a failed seek leaves the offset");
        assertErrno(Errno.SPIPE, w.fdSeek(1, 0, 0, out));
        assertErrno(Errno.BADF, w.fdSeek(42, 0, 0, out));

        assertEquals(20, g.seek(fd, 20, 0));
        assertEquals("", g.read(fd, 5), "reading past the end gives nothing");
        g.write(fd, "!");
        assertEquals(21, node("f").size());
        assertEquals(0, node("f").bytes()[15], "the gap reads as zeros");
    }

    @Test
    void sizeChangesZeroFillAndRefuseTooLarge() {
        g.writeFile(PREOPEN, "f", "abcdef");
        int fd = g.open(PREOPEN, "f", 0);
        ok(w.fdFilestatSetSize(fd, 2));
        ok(w.fdFilestatSetSize(fd, 4));
        assertArrayEquals(new byte[] {'a', 'b', 0, 0}, node("f").content());
        ok(w.fdAllocate(fd, 2, 6));
        assertEquals(8, node("f").size());
        ok(w.fdAllocate(fd, 0, 1));
        assertEquals(8, node("f").size(), "allocate never shrinks");
        assertErrno(Errno.FBIG, w.fdAllocate(fd, Long.MAX_VALUE - 1, 10), "offset + len overflows");
        assertErrno(Errno.FBIG, w.fdAllocate(fd, 8, FileNode.MAX_SIZE));
        assertErrno(Errno.INVAL, w.fdFilestatSetSize(fd, -1));
        assertErrno(Errno.FBIG, w.fdFilestatSetSize(fd, FileNode.MAX_SIZE + 1));
        assertEquals(8, node("f").size());
    }

    @Test
    void writesBeyondTheLargestFileFailWithoutTouchingTheFile() {
        g.writeFile(PREOPEN, "f", "safe");
        int fd = g.open(PREOPEN, "f", 0);
        int n = g.alloc(4);
        int iov = g.iovs(g.str("boom"));
        assertErrno(Errno.FBIG, w.fdPwrite(fd, iov, 1, FileNode.MAX_SIZE - 1, n));
        // offset + length overflows a long here; that must not wrap around into the file.
        assertErrno(Errno.FBIG, w.fdPwrite(fd, iov, 1, Long.MAX_VALUE - 1, n));
        assertErrno(Errno.INVAL, w.fdPwrite(fd, iov, 1, -1, n));
        g.seek(fd, Long.MAX_VALUE - 2, 0);
        assertErrno(Errno.FBIG, w.fdWrite(fd, iov, 1, n));
        assertEquals("safe", g.readFile(PREOPEN, "f"));
    }

    @Test
    void badPointersAreFaultsNotCrashes() {
        int fd = g.open(PREOPEN, "f", OFLAG_CREAT);
        int n = g.alloc(4);
        int outside = Guest.MEMORY_SIZE - 4;
        assertErrno(Errno.FAULT, w.fdWrite(fd, g.iovs(new Str(outside, 5)), 1, n));
        assertErrno(Errno.FAULT, w.fdWrite(fd, g.iovs(new Str(-1, 1)), 1, n));
        assertErrno(Errno.FAULT, w.fdWrite(fd, g.iovs(g.str("x")), 1, Guest.MEMORY_SIZE - 3));
        assertErrno(Errno.FAULT, w.fdWrite(fd, Guest.MEMORY_SIZE - 4, 1, n));
        assertErrno(Errno.FAULT, w.fdWrite(fd, g.iovs(g.str("x")), -1, n));
        assertErrno(Errno.FAULT, w.fdRead(fd, g.iovs(new Str(Integer.MIN_VALUE, 8)), 1, n));
        assertEquals(0, node("f").size());
        assertErrno(Errno.BADF, w.fdWrite(99, g.iovs(g.str("x")), 1, n));
        assertErrno(Errno.BADF, w.fdWrite(-1, g.iovs(g.str("x")), 1, n));
    }

    @Test
    void standardStreamsGoToTheirSinksAndSource() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        byte[] input = "typed\n".getBytes(StandardCharsets.UTF_8);
        int[] at = {0};
        Guest s = new Guest((vfs, b) -> b.preopen("/", vfs.root())
                .stdout(out::write).stderr(err::write)
                .stdin((dst, off, len) -> {
                    int n = Math.min(len, input.length - at[0]);
                    System.arraycopy(input, at[0], dst, off, n);
                    at[0] += n;
                    return n;
                }));
        assertEquals(8, s.write(1, "out: é\n"));
        s.write(2, "err");
        assertEquals("out: é\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("err", err.toString(StandardCharsets.UTF_8));
        assertEquals("typ", s.read(0, 3));
        assertEquals("ed\n", s.read(0, 100));
        assertEquals("", s.read(0, 100));

        int n = s.alloc(4);
        assertErrno(Errno.BADF, s.wasi.fdWrite(0, s.iovs(s.str("x")), 1, n));
        assertErrno(Errno.BADF, s.wasi.fdRead(1, s.iovs(new Str(s.alloc(4), 4)), 1, n));
        assertErrno(Errno.SPIPE, s.wasi.fdPread(0, s.iovs(new Str(s.alloc(4), 4)), 1, 0, n));
        int stat = s.alloc(24);
        ok(s.wasi.fdFdstatGet(1, stat));
        assertEquals(Filetype.CHARACTER_DEVICE, s.memory.getByte(stat));
    }

    @Test
    void sixteenMebibytesInFourKibibyteWritesReallocateLogarithmically() {
        int fd = g.open(PREOPEN, "big", OFLAG_CREAT);
        FileNode file = node("big");
        byte[] chunk = new byte[4096];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) (i * 31);
        }
        int iov = g.iovs(g.bytes(chunk));
        int n = g.alloc(4);
        // Counts replacements by identity without keeping old arrays alive (linear growth would exhaust the heap).
        byte[] last = file.bytes();
        int reallocations = 0;
        int chunks = (16 << 20) / chunk.length;
        for (int i = 0; i < chunks; i++) {
            ok(w.fdWrite(fd, iov, 1, n));
            assertEquals(4096, g.u32(n));
            if (file.bytes() != last) {
                last = file.bytes();
                reallocations++;
            }
        }
        assertEquals(16 << 20, file.size());
        assertTrue(reallocations < 40, "backing array replaced " + reallocations + " times for " + chunks + " writes");
        byte[] content = file.content();
        assertEquals(chunk[4095], content[(16 << 20) - 1]);
        assertEquals(chunk[100], content[5 * 4096 + 100]);
    }
}
