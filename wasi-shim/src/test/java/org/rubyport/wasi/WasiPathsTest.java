package org.rubyport.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.rubyport.wasi.Guest.FOLLOW;
import static org.rubyport.wasi.Guest.OFLAG_CREAT;
import static org.rubyport.wasi.Guest.PREOPEN;
import static org.rubyport.wasi.Guest.assertErrno;
import static org.rubyport.wasi.Guest.ok;

import org.junit.jupiter.api.Test;
import org.rubyport.wasi.Guest.Str;
import org.rubyport.wasi.vfs.DirectoryNode;
import org.rubyport.wasi.vfs.Filetype;
import org.rubyport.wasi.vfs.Vfs;

/** Path operations: stat, links, renames, removal and symbolic links, through the WASI calls. */
class WasiPathsTest {
    private final Guest g = new Guest();
    private final WasiPreview1 w = g.wasi;

    private int link(String from, String to) {
        Str a = g.str(from);
        Str b = g.str(to);
        return w.pathLink(PREOPEN, 0, a.ptr(), a.len(), PREOPEN, b.ptr(), b.len());
    }

    private int rename(String from, String to) {
        Str a = g.str(from);
        Str b = g.str(to);
        return w.pathRename(PREOPEN, a.ptr(), a.len(), PREOPEN, b.ptr(), b.len());
    }

    private int unlink(String path) {
        Str p = g.str(path);
        return w.pathUnlinkFile(PREOPEN, p.ptr(), p.len());
    }

    private int rmdir(String path) {
        Str p = g.str(path);
        return w.pathRemoveDirectory(PREOPEN, p.ptr(), p.len());
    }

    private String readlink(String path, int bufLen) {
        Str p = g.str(path);
        int buf = g.alloc(Math.max(bufLen, 1));
        int used = g.alloc(4);
        ok(w.pathReadlink(PREOPEN, p.ptr(), p.len(), buf, bufLen, used));
        return g.string(buf, g.u32(used));
    }

    private long nlink(String path) {
        return g.nlink(g.stat(PREOPEN, 0, path));
    }

    @Test
    void filestatReportsTypeSizeLinksAndClockTimes() {
        g.clock.realtime = 1_000;
        g.writeFile(PREOPEN, "f", "hello");
        g.mkdir(PREOPEN, "d");
        int f = g.stat(PREOPEN, 0, "f");
        assertEquals(0, g.u64(f), "dev");
        assertEquals(Filetype.REGULAR_FILE, g.filetype(f));
        assertEquals(1, g.nlink(f));
        assertEquals(5, g.size(f));
        assertEquals(1_000, g.u64(f + 40), "atim");
        assertEquals(1_000, g.u64(f + 48), "mtim");
        assertEquals(1_000, g.u64(f + 56), "ctim");
        int d = g.stat(PREOPEN, 0, "d");
        assertEquals(Filetype.DIRECTORY, g.filetype(d));
        assertNotEquals(g.ino(f), g.ino(d));
        assertEquals(2, g.nlink(d), "an empty directory: its name and its own `.`");
        assertEquals(3, nlink("."), "the root: `.`, `..` and d's `..`");

        g.clock.realtime = 2_000;
        int fd = g.open(PREOPEN, "f", 0);
        g.write(fd, "J");
        int st = g.alloc(64);
        ok(w.fdFilestatGet(fd, st));
        assertEquals(g.ino(f), g.ino(st));
        assertEquals(2_000, g.u64(st + 48), "a write moves mtim");
        assertEquals(1_000, g.u64(st + 40), "but not atim");
        assertEquals("Jello", g.readFile(PREOPEN, "f"));
    }

    @Test
    void setTimesHonoursTheFlags() {
        g.writeFile(PREOPEN, "f", "");
        g.clock.realtime = 7_000;
        Str p = g.str("f");
        ok(w.pathFilestatSetTimes(PREOPEN, 0, p.ptr(), p.len(), 11, 22, 1 | 4));
        int st = g.stat(PREOPEN, 0, "f");
        assertEquals(11, g.u64(st + 40));
        assertEquals(22, g.u64(st + 48));
        assertEquals(7_000, g.u64(st + 56));
        ok(w.pathFilestatSetTimes(PREOPEN, 0, p.ptr(), p.len(), 0, 0, 8));
        st = g.stat(PREOPEN, 0, "f");
        assertEquals(11, g.u64(st + 40), "atim left alone");
        assertEquals(7_000, g.u64(st + 48), "mtim now");
        assertErrno(Errno.INVAL, w.pathFilestatSetTimes(PREOPEN, 0, p.ptr(), p.len(), 0, 0, 1 | 2));
        assertErrno(Errno.INVAL, w.pathFilestatSetTimes(PREOPEN, 0, p.ptr(), p.len(), 0, 0, 16));
        int fd = g.open(PREOPEN, "f", 0);
        ok(w.fdFilestatSetTimes(fd, 99, 0, 1));
        assertEquals(99, g.u64(g.stat(PREOPEN, 0, "f") + 40));
        assertErrno(Errno.BADF, w.fdFilestatSetTimes(1, 0, 0, 2));
    }

    @Test
    void hardLinksShareTheInodeAndCountNames() {
        g.writeFile(PREOPEN, "a", "shared");
        g.mkdir(PREOPEN, "d");
        ok(link("a", "b"));
        ok(link("b", "d/c"));
        assertEquals(3, nlink("a"));
        assertEquals(g.ino(g.stat(PREOPEN, 0, "a")), g.ino(g.stat(PREOPEN, 0, "d/c")));

        int fd = g.open(PREOPEN, "d/c", 0);
        g.write(fd, "SH");
        assertEquals("SHared", g.readFile(PREOPEN, "a"));

        ok(unlink("a"));
        assertEquals(2, nlink("b"));
        assertErrno(Errno.NOENT, g.statErrno(PREOPEN, 0, "a"));
        ok(unlink("b"));
        assertEquals(1, nlink("d/c"));
        assertEquals("SHared", g.readFile(PREOPEN, "d/c"));
        ok(unlink("d/c"));
        ok(w.fdSeek(fd, 0, 0, g.alloc(8)));
        assertEquals("SHared", g.read(fd, 100), "an open file outlives its last name");
        int st = g.alloc(64);
        ok(w.fdFilestatGet(fd, st));
        assertEquals(0, g.nlink(st));

        assertErrno(Errno.PERM, link("d", "d2"));
        g.writeFile(PREOPEN, "x", "");
        assertErrno(Errno.EXIST, link("x", "d"));
        assertErrno(Errno.NOENT, link("missing", "y"));
        assertErrno(Errno.EXIST, link("x", "d/.."));
        assertEquals(2, nlink("d"), "a failed link leaves counts alone");
        assertEquals(1, nlink("x"));
    }

    @Test
    void renameReplacesFilesAndEmptyDirectories() {
        g.writeFile(PREOPEN, "old", "new content");
        g.writeFile(PREOPEN, "target", "replaced");
        ok(link("target", "target2"));
        ok(rename("old", "target"));
        assertErrno(Errno.NOENT, g.statErrno(PREOPEN, 0, "old"));
        assertEquals("new content", g.readFile(PREOPEN, "target"));
        assertEquals(1, nlink("target2"), "the replaced inode lost one name");
        assertEquals("replaced", g.readFile(PREOPEN, "target2"));

        g.mkdir(PREOPEN, "src");
        g.writeFile(PREOPEN, "src/inner", "i");
        g.mkdir(PREOPEN, "empty");
        ok(rename("src", "empty"));
        assertEquals("i", g.readFile(PREOPEN, "empty/inner"));
        assertNull(g.vfs.root().get("src"));
        DirectoryNode moved = (DirectoryNode) g.vfs.root().get("empty");
        assertEquals(g.vfs.root(), moved.parent());
        assertEquals(3, nlink("."), "root: 2 + one child directory");

        g.mkdir(PREOPEN, "a");
        g.mkdir(PREOPEN, "a/b");
        ok(rename("a", "empty/a"));
        assertEquals(moved, ((DirectoryNode) moved.get("a")).parent());
        assertEquals(3, nlink("empty"));
        assertEquals(3, nlink("."));

        ok(rename("target", "target"));
        ok(link("target", "alias"));
        ok(rename("target", "alias"));
        assertEquals("new content", g.readFile(PREOPEN, "target"), "renaming onto another name of the same file does nothing");
    }

    @Test
    void renameRefusals() {
        g.mkdir(PREOPEN, "d");
        g.mkdir(PREOPEN, "d/sub");
        g.mkdir(PREOPEN, "full");
        g.writeFile(PREOPEN, "full/x", "");
        g.writeFile(PREOPEN, "f", "f");

        assertErrno(Errno.INVAL, rename("d", "d/sub/d"));
        assertErrno(Errno.INVAL, rename("d", "d/inside"));
        assertErrno(Errno.NOTEMPTY, rename("d", "full"));
        assertErrno(Errno.NOTDIR, rename("d", "f"));
        assertErrno(Errno.ISDIR, rename("f", "d"));
        assertErrno(Errno.NOTDIR, rename("f", "g/"));
        assertErrno(Errno.NOENT, rename("missing", "g"));
        assertErrno(Errno.BUSY, rename(".", "g"));
        assertErrno(Errno.NOTCAPABLE, rename("f", "../f"));

        assertEquals(3, nlink("d"));
        assertEquals(DirectoryNode.class, g.vfs.root().get("d").getClass());
        assertEquals("f", g.readFile(PREOPEN, "f"));
        assertEquals(2, nlink("d/sub"));
    }

    @Test
    void unlinkAndRmdirCheckWhatTheyRemove() {
        g.mkdir(PREOPEN, "d");
        g.writeFile(PREOPEN, "d/f", "");
        g.mkdir(PREOPEN, "empty");
        assertErrno(Errno.ISDIR, unlink("d"));
        assertErrno(Errno.NOTEMPTY, rmdir("d"));
        assertErrno(Errno.NOTDIR, rmdir("d/f"));
        assertErrno(Errno.NOTDIR, unlink("d/f/"));
        assertErrno(Errno.NOENT, unlink("nope"));
        assertErrno(Errno.INVAL, rmdir("."));
        assertErrno(Errno.NOTEMPTY, rmdir("d/.."));
        assertEquals(4, nlink("."));

        ok(unlink("d/f"));
        ok(rmdir("d"));
        ok(rmdir("empty/"));
        assertNull(g.vfs.root().get("d"));
        assertEquals(2, nlink("."));
    }

    @Test
    void symlinksAreFollowedOnlyWhenAsked() {
        g.writeFile(PREOPEN, "file", "content");
        g.mkdir(PREOPEN, "dir");
        g.symlink("file", PREOPEN, "lf");
        g.symlink("dir", PREOPEN, "ld");
        g.symlink("ld/../file", PREOPEN, "lchain");

        assertEquals(Filetype.SYMBOLIC_LINK, g.filetype(g.stat(PREOPEN, 0, "lf")));
        assertEquals(4, g.size(g.stat(PREOPEN, 0, "lf")), "a link's size is its target's length");
        assertEquals(Filetype.REGULAR_FILE, g.filetype(g.stat(PREOPEN, FOLLOW, "lf")));
        assertEquals(Filetype.DIRECTORY, g.filetype(g.stat(PREOPEN, 0, "ld/")), "a trailing slash follows");
        assertEquals("content", g.readFile(PREOPEN, "lchain"));
        assertEquals("file", readlink("lf", 64));
        assertEquals("fi", readlink("lf", 2), "readlink truncates to the buffer");

        assertErrno(Errno.LOOP, g.openErrno(PREOPEN, 0, "lf", 0));
        g.writeFile(PREOPEN, "ld/inner", "through a link in the middle");
        assertEquals("through a link in the middle", g.readFile(PREOPEN, "dir/inner"));

        Str p = g.str("file");
        assertErrno(Errno.INVAL, w.pathReadlink(PREOPEN, p.ptr(), p.len(), g.alloc(8), 8, g.alloc(4)));
        assertErrno(Errno.EXIST, w.pathSymlink(p.ptr(), p.len(), PREOPEN, p.ptr(), p.len()));
        Str empty = g.str("");
        Str name = g.str("e");
        assertErrno(Errno.NOENT, w.pathSymlink(empty.ptr(), 0, PREOPEN, name.ptr(), name.len()));

        // unlink removes the link, never its target
        ok(w.pathUnlinkFile(PREOPEN, g.str("ld").ptr(), 2));
        assertEquals(Filetype.DIRECTORY, g.filetype(g.stat(PREOPEN, 0, "dir")));
    }

    @Test
    void danglingSymlinks() {
        g.symlink("nowhere", PREOPEN, "dangling");
        assertEquals(Filetype.SYMBOLIC_LINK, g.filetype(g.stat(PREOPEN, 0, "dangling")));
        assertErrno(Errno.NOENT, g.statErrno(PREOPEN, FOLLOW, "dangling"));
        assertErrno(Errno.NOENT, g.openErrno(PREOPEN, FOLLOW, "dangling", 0));
        assertEquals("nowhere", readlink("dangling", 64));

        // As on POSIX, O_CREAT through a dangling link creates its target.
        int fd = g.open(PREOPEN, "dangling", OFLAG_CREAT);
        g.write(fd, "made");
        assertEquals("made", g.readFile(PREOPEN, "nowhere"));
        assertEquals(Filetype.SYMBOLIC_LINK, g.filetype(g.stat(PREOPEN, 0, "dangling")));
    }

    @Test
    void symlinkChainsLongerThanFortyHopsLoop() {
        g.writeFile(PREOPEN, "end", "reached");
        // l0 -> l1 -> ... -> l40 -> end: resolving l1 takes 40 hops, l0 takes 41.
        for (int i = 0; i <= Vfs.MAX_SYMLINK_HOPS; i++) {
            g.symlink(i == Vfs.MAX_SYMLINK_HOPS ? "end" : "l" + (i + 1), PREOPEN, "l" + i);
        }
        assertEquals("reached", g.readFile(PREOPEN, "l1"));
        assertErrno(Errno.LOOP, g.openErrno(PREOPEN, FOLLOW, "l0", 0));
        assertErrno(Errno.LOOP, g.statErrno(PREOPEN, FOLLOW, "l0"));
        assertEquals(Filetype.SYMBOLIC_LINK, g.filetype(g.stat(PREOPEN, 0, "l0")));

        g.symlink("self", PREOPEN, "self");
        assertErrno(Errno.LOOP, g.statErrno(PREOPEN, FOLLOW, "self"));
        assertErrno(Errno.LOOP, g.openErrno(PREOPEN, FOLLOW, "self", OFLAG_CREAT));
        g.symlink("ping", PREOPEN, "pong");
        g.symlink("pong", PREOPEN, "ping");
        assertErrno(Errno.LOOP, g.statErrno(PREOPEN, 0, "ping/x"));
        g.mkdir(PREOPEN, "d");
        g.symlink(".", PREOPEN, "d/here");
        // each `here` is one hop, so 40 of them resolve and 41 do not
        assertEquals(Filetype.DIRECTORY, g.filetype(g.stat(PREOPEN, 0, "d" + "/here".repeat(40) + "/")));
        assertErrno(Errno.LOOP, g.statErrno(PREOPEN, 0, "d" + "/here".repeat(41) + "/"));
    }

    @Test
    void pathsMustBeValidUtf8AndReasonablyShort() {
        Str bad = g.bytes(new byte[] {'a', (byte) 0xC3});
        Str overlong = g.bytes(new byte[] {(byte) 0xC0, (byte) 0xAF});
        Str surrogate = g.bytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        int out = g.alloc(4);
        for (Str p : new Str[] {bad, overlong, surrogate}) {
            assertErrno(Errno.ILSEQ, w.pathOpen(PREOPEN, 0, p.ptr(), p.len(), OFLAG_CREAT, Rights.REGULAR_FILE, 0, 0, out));
            assertErrno(Errno.ILSEQ, w.pathCreateDirectory(PREOPEN, p.ptr(), p.len()));
        }
        Str nul = g.bytes(new byte[] {'a', 0, 'b'});
        assertErrno(Errno.INVAL, w.pathCreateDirectory(PREOPEN, nul.ptr(), nul.len()));
        assertErrno(Errno.INVAL, w.pathSymlink(nul.ptr(), nul.len(), PREOPEN, g.str("l").ptr(), 1));
        Str empty = g.str("");
        assertErrno(Errno.NOENT, w.pathCreateDirectory(PREOPEN, empty.ptr(), 0));
        Str longName = g.str("x".repeat(5000));
        assertErrno(Errno.NAMETOOLONG, w.pathCreateDirectory(PREOPEN, longName.ptr(), longName.len()));
        assertEquals(0, g.vfs.root().entries().size());

        Str unicode = g.str("日本語/ü");
        g.mkdir(PREOPEN, "日本語");
        ok(w.pathCreateDirectory(PREOPEN, unicode.ptr(), unicode.len()));
        assertEquals(DirectoryNode.class, ((DirectoryNode) g.vfs.root().get("日本語")).get("ü").getClass());
    }

    @Test
    void pathCallsNeedADirectoryDescriptorWithTheRight() {
        g.writeFile(PREOPEN, "f", "");
        int file = g.open(PREOPEN, "f", 0);
        Str p = g.str("x");
        assertErrno(Errno.NOTDIR, w.pathCreateDirectory(file, p.ptr(), p.len()));
        assertErrno(Errno.NOTDIR, w.pathCreateDirectory(1, p.ptr(), p.len()));
        assertErrno(Errno.BADF, w.pathCreateDirectory(77, p.ptr(), p.len()));

        int dir = g.openDir(PREOPEN, ".");
        ok(w.fdFdstatSetRights(dir, Rights.PATH_OPEN, Rights.DIRECTORY_INHERITING));
        assertErrno(Errno.NOTCAPABLE, w.pathCreateDirectory(dir, p.ptr(), p.len()));
        assertErrno(Errno.NOTCAPABLE, g.openErrno(dir, 0, "new", OFLAG_CREAT));
        assertNull(g.vfs.root().get("x"));
        assertNull(g.vfs.root().get("new"));
    }
}
