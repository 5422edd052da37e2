package org.rubyport.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rubyport.wasi.Guest.FOLLOW;
import static org.rubyport.wasi.Guest.OFLAG_CREAT;
import static org.rubyport.wasi.Guest.OFLAG_TRUNC;
import static org.rubyport.wasi.Guest.PREOPEN;
import static org.rubyport.wasi.Guest.assertErrno;
import static org.rubyport.wasi.Guest.ok;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rubyport.wasi.Guest.Str;
import org.rubyport.wasi.vfs.HostFiles;

/** A tree the host made read-only behaves as a read-only mount: readable, and every change gives EROFS. */
class ReadOnlyMountTest {
    private final Guest g = new Guest();
    private final WasiPreview1 w = g.wasi;

    @BeforeEach
    void mount() throws WasiException {
        HostFiles files = new HostFiles(g.vfs);
        files.writeFile("/ro/app/file.txt", "fixed".getBytes(StandardCharsets.UTF_8));
        files.makeReadOnly("/ro");
        files.writeFile("/rw/note.txt", "free".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void contentCanBeReadAndListed() {
        assertEquals("fixed", g.readFile(PREOPEN, "ro/app/file.txt"));
        int fd = g.open(PREOPEN, "ro/app/file.txt", 0, Rights.FD_READ | Rights.FD_SEEK, 0);
        int stat = g.alloc(24);
        ok(w.fdFdstatGet(fd, stat));
        assertEquals(0, g.u64(stat + 8) & Rights.FD_WRITE, "rights say honestly that it cannot be written");
        assertErrno(Errno.BADF, w.fdWrite(fd, g.iovs(g.str("x")), 1, g.alloc(4)));
    }

    @Test
    void everyChangeGivesErofs() {
        assertErrno(Errno.ROFS, g.openErrno(PREOPEN, FOLLOW, "ro/app/file.txt", 0), "opening for writing");
        assertErrno(Errno.ROFS, g.openErrno(PREOPEN, FOLLOW, "ro/app/file.txt", OFLAG_TRUNC, Rights.FD_READ, 0, g.alloc(4)));
        assertErrno(Errno.ROFS, g.openErrno(PREOPEN, FOLLOW, "ro/app/new.txt", OFLAG_CREAT));
        Str dir = g.str("ro/app/dir");
        assertErrno(Errno.ROFS, w.pathCreateDirectory(PREOPEN, dir.ptr(), dir.len()));
        Str file = g.str("ro/app/file.txt");
        assertErrno(Errno.ROFS, w.pathUnlinkFile(PREOPEN, file.ptr(), file.len()));
        Str app = g.str("ro/app");
        assertErrno(Errno.ROFS, w.pathRemoveDirectory(PREOPEN, app.ptr(), app.len()), "EROFS before ENOTEMPTY, as on Linux");
        Str moved = g.str("rw/moved.txt");
        assertErrno(Errno.ROFS, w.pathRename(PREOPEN, file.ptr(), file.len(), PREOPEN, moved.ptr(), moved.len()));
        Str note = g.str("rw/note.txt");
        Str into = g.str("ro/app/note.txt");
        assertErrno(Errno.ROFS, w.pathRename(PREOPEN, note.ptr(), note.len(), PREOPEN, into.ptr(), into.len()));
        assertErrno(Errno.ROFS, w.pathLink(PREOPEN, 0, note.ptr(), note.len(), PREOPEN, into.ptr(), into.len()));
        Str link = g.str("ro/app/link");
        assertErrno(Errno.ROFS, w.pathSymlink(note.ptr(), note.len(), PREOPEN, link.ptr(), link.len()));
        assertErrno(Errno.ROFS, w.pathFilestatSetTimes(PREOPEN, 0, file.ptr(), file.len(), 1, 1, 1 | 4));
        assertEquals("fixed", g.readFile(PREOPEN, "ro/app/file.txt"));
    }

    @Test
    void writableFilesBesideItStillChange() {
        g.writeFile(PREOPEN, "rw/note.txt", "changed");
        assertEquals("changed", g.readFile(PREOPEN, "rw/note.txt"));
        Str note = g.str("rw/note.txt");
        Str link = g.str("rw/hard");
        ok(w.pathLink(PREOPEN, 0, note.ptr(), note.len(), PREOPEN, link.ptr(), link.len()));
        assertTrue(g.vfs.root().get("ro").isReadOnly());
    }
}
