package org.rubyport.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rubyport.wasi.Guest.PREOPEN;
import static org.rubyport.wasi.Guest.assertErrno;
import static org.rubyport.wasi.Guest.ok;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rubyport.wasi.Guest.Str;
import org.rubyport.wasi.vfs.DirectoryNode;
import org.rubyport.wasi.vfs.Filetype;

/** fd_readdir and the preopen calls. */
class WasiDirectoryTest {
    private final Guest g = new Guest();
    private final WasiPreview1 w = g.wasi;

    /** One parsed dirent. */
    record Dirent(long next, long ino, String name, int type) {
    }

    /** Parses the whole entries in buf[0, used). */
    private List<Dirent> parse(int buf, int used) {
        List<Dirent> out = new ArrayList<>();
        int at = buf;
        while (at + 24 <= buf + used) {
            int namlen = g.u32(at + 16);
            if (at + 24 + namlen > buf + used) {
                break;
            }
            out.add(new Dirent(g.u64(at), g.u64(at + 8), g.string(at + 24, namlen), g.u8(at + 20)));
            at += 24 + namlen;
        }
        return out;
    }

    @Test
    void readdirListsDotDotDotThenEntriesInTheOrderTheyWereMade() {
        g.mkdir(PREOPEN, "d");
        g.writeFile(PREOPEN, "d/b.txt", "");
        g.mkdir(PREOPEN, "d/a");
        g.symlink("b.txt", PREOPEN, "d/ä-link");
        int fd = g.openDir(PREOPEN, "d");
        int buf = g.alloc(1024);
        int used = g.alloc(4);
        ok(w.fdReaddir(fd, buf, 1024, 0, used));
        List<Dirent> all = parse(buf, g.u32(used));
        assertEquals(24 * 5 + 1 + 2 + 1 + 5 + 7, g.u32(used), "everything fits: bufused < buflen");
        assertEquals(List.of(".", "..", "b.txt", "a", "ä-link"), all.stream().map(Dirent::name).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), all.stream().map(Dirent::next).toList());
        assertEquals(List.of((int) Filetype.DIRECTORY, (int) Filetype.DIRECTORY, (int) Filetype.REGULAR_FILE,
                (int) Filetype.DIRECTORY, (int) Filetype.SYMBOLIC_LINK), all.stream().map(Dirent::type).toList());
        assertEquals(g.ino(g.stat(PREOPEN, 0, "d")), all.get(0).ino());
        assertEquals(g.ino(g.stat(PREOPEN, 0, ".")), all.get(1).ino());
        assertEquals(g.ino(g.stat(PREOPEN, 0, "d/b.txt")), all.get(2).ino());

        ok(w.fdReaddir(fd, buf, 1024, 3, used));
        assertEquals(List.of("a", "ä-link"), parse(buf, g.u32(used)).stream().map(Dirent::name).toList());
        ok(w.fdReaddir(fd, buf, 1024, 5, used));
        assertEquals(0, g.u32(used), "a cookie past the end gives an empty buffer");
        assertErrno(Errno.INVAL, w.fdReaddir(fd, buf, 1024, -1, used));
    }

    @Test
    void cookiesStayValidWhileTheDirectoryChanges() {
        g.mkdir(PREOPEN, "d");
        for (String name : List.of("c", "a", "b")) {
            g.writeFile(PREOPEN, "d/" + name, "");
        }
        int fd = g.openDir(PREOPEN, "d");
        int buf = g.alloc(1024);
        int used = g.alloc(4);
        ok(w.fdReaddir(fd, buf, 24 * 3 + 1 + 2 + 1, 0, used));
        List<Dirent> first = parse(buf, g.u32(used));
        assertEquals(List.of(".", "..", "c"), first.stream().map(Dirent::name).toList());
        Str c = g.str("d/c");
        ok(w.pathUnlinkFile(PREOPEN, c.ptr(), c.len()));
        g.writeFile(PREOPEN, "d/0-new", "");
        ok(w.fdReaddir(fd, buf, 1024, first.get(2).next(), used));
        assertEquals(List.of("a", "b", "0-new"), parse(buf, g.u32(used)).stream().map(Dirent::name).toList(),
                "removing a listed entry skips nothing; a new one comes after the rest");
    }

    @Test
    void aFullBufferIsFilledToTheLastByteSoTheGuestAsksAgain() {
        int buf = g.alloc(64);
        int used = g.alloc(4);
        g.writeFile(PREOPEN, "file-with-a-long-name", "");
        // "." (25 bytes) + ".." (26) fit, the third entry is cut to the 13 bytes left.
        ok(w.fdReaddir(PREOPEN, buf, 64, 0, used));
        assertEquals(64, g.u32(used));
        assertEquals(List.of(".", ".."), parse(buf, 64).stream().map(Dirent::name).toList());
        assertEquals(3, g.u64(buf + 51), "the cut entry's header starts as usual");

        // Reading on from the last whole entry's d_next yields the cut one whole.
        int big = g.alloc(256);
        ok(w.fdReaddir(PREOPEN, big, 256, 2, used));
        assertEquals(List.of("file-with-a-long-name"), parse(big, g.u32(used)).stream().map(Dirent::name).toList());

        ok(w.fdReaddir(PREOPEN, buf, 0, 0, used));
        assertEquals(0, g.u32(used));
    }

    @Test
    void readdirRefusals() {
        g.writeFile(PREOPEN, "f", "");
        int file = g.open(PREOPEN, "f", 0);
        int buf = g.alloc(64);
        int used = g.alloc(4);
        assertErrno(Errno.NOTDIR, w.fdReaddir(file, buf, 64, 0, used));
        assertErrno(Errno.NOTDIR, w.fdReaddir(1, buf, 64, 0, used));
        assertErrno(Errno.BADF, w.fdReaddir(9, buf, 64, 0, used));
        assertErrno(Errno.FAULT, w.fdReaddir(PREOPEN, Guest.MEMORY_SIZE - 10, 64, 0, used));
        assertErrno(Errno.FAULT, w.fdReaddir(PREOPEN, buf, -1, 0, used));
        int dir = g.openDir(PREOPEN, ".");
        ok(w.fdFdstatSetRights(dir, Rights.PATH_OPEN, 0));
        assertErrno(Errno.NOTCAPABLE, w.fdReaddir(dir, buf, 64, 0, used));
    }

    @Test
    void prestatNamesThePreopensInOrder() {
        DirectoryNode[] dirs = new DirectoryNode[1];
        Guest two = new Guest((vfs, b) -> {
            try {
                dirs[0] = vfs.mkdir(vfs.lookUp(vfs.root(), vfs.root(), "données", false));
            } catch (WasiException e) {
                throw new AssertionError(e);
            }
            b.preopen("/", vfs.root()).preopen("/données", dirs[0]);
        });
        int prestat = two.alloc(8);
        ok(two.wasi.fdPrestatGet(3, prestat));
        assertEquals(0, two.u32(prestat), "tag: directory");
        assertEquals(1, two.u32(prestat + 4));
        ok(two.wasi.fdPrestatGet(4, prestat));
        byte[] name = "/données".getBytes(StandardCharsets.UTF_8);
        assertEquals(name.length, two.u32(prestat + 4), "the length is in UTF-8 bytes");

        int buf = two.alloc(32);
        ok(two.wasi.fdPrestatDirName(4, buf, name.length));
        assertEquals("/données", two.string(buf, name.length));
        assertErrno(Errno.NAMETOOLONG, two.wasi.fdPrestatDirName(4, buf, name.length - 1));
        assertErrno(Errno.FAULT, two.wasi.fdPrestatDirName(4, Guest.MEMORY_SIZE - 2, 100));

        assertErrno(Errno.BADF, two.wasi.fdPrestatGet(5, prestat), "the end of the preopens");
        assertErrno(Errno.BADF, two.wasi.fdPrestatGet(1, prestat));
        assertErrno(Errno.BADF, two.wasi.fdPrestatDirName(-1, buf, 32));
        assertErrno(Errno.FAULT, two.wasi.fdPrestatGet(3, -8));

        two.writeFile(4, "x", "in données");
        assertEquals("in données", two.readFile(3, "données/x"));
    }
}
