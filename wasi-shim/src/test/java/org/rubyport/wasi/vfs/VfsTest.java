package org.rubyport.wasi.vfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.rubyport.wasi.Errno;
import org.rubyport.wasi.FakeClock;
import org.rubyport.wasi.WasiException;

/** The VFS on its own: resolution within a sandbox, and the operations that change the tree. */
class VfsTest {
    private final FakeClock clock = new FakeClock();
    private final Vfs vfs = new Vfs(clock);
    private final DirectoryNode root = vfs.root();

    private static Errno errno(Executable call) {
        return assertThrows(WasiException.class, call).errno;
    }

    private Lookup at(String path) throws WasiException {
        return vfs.lookUp(root, root, path, false);
    }

    private Lookup follow(String path) throws WasiException {
        return vfs.lookUp(root, root, path, true);
    }

    private DirectoryNode mkdir(String path) throws WasiException {
        return vfs.mkdir(at(path));
    }

    private FileNode touch(String path) throws WasiException {
        return vfs.createFile(at(path));
    }

    @Test
    void theRootIsItsOwnParentWithTwoLinks() {
        assertSame(root, root.parent());
        assertEquals(2, root.nlink());
        assertTrue(root.isEmpty());
        assertEquals(clock.realtime, root.mtim());
    }

    @Test
    void lookUpSplitsComponentsAndReportsTheLast() throws WasiException {
        DirectoryNode a = mkdir("a");
        DirectoryNode b = mkdir("a/b");
        FileNode f = touch("a/b/f");
        Lookup lk = at("a//b/./f");
        assertSame(b, lk.parent());
        assertEquals("f", lk.name());
        assertSame(f, lk.node());
        assertFalse(lk.trailingSlash());

        Lookup missing = at("a/b/new");
        assertSame(b, missing.parent());
        assertNull(missing.node());

        Lookup dir = at("a/b/");
        assertSame(b, dir.node());
        assertTrue(dir.trailingSlash());
        assertSame(a, at("a/b/..").node());
        assertSame(root, at(".").node());
        assertSame(root, at("./").node());

        assertEquals(Errno.NOTDIR, errno(() -> at("a/b/f/")));
        assertEquals(Errno.NOTDIR, errno(() -> at("a/b/f/x")));
        assertEquals(Errno.NOENT, errno(() -> at("a/zz/x")));
        assertEquals(Errno.NOENT, errno(() -> at("")));
        assertEquals(Errno.INVAL, errno(() -> at("a\0b")));
        assertEquals(Errno.NOTCAPABLE, errno(() -> at("/a")));
        assertEquals(Errno.NOTCAPABLE, errno(() -> at("..")));
        assertEquals(Errno.NOTCAPABLE, errno(() -> at("a/../..")));
    }

    @Test
    void resolutionFromASubdirectoryStaysInItsSandbox() throws WasiException {
        DirectoryNode box = mkdir("box");
        DirectoryNode inner = vfs.mkdir(vfs.lookUp(box, box, "inner", false));
        FileNode outside = touch("outside");
        assertSame(box, vfs.lookUp(box, inner, "..", false).node());
        assertEquals(Errno.NOTCAPABLE, errno(() -> vfs.lookUp(box, inner, "../../outside", false)));
        vfs.symlink("/", vfs.lookUp(box, inner, "top", false));
        assertSame(box, vfs.lookUp(box, inner, "top/", false).node(), "an absolute target starts at the sandbox");
        assertSame(outside, vfs.lookUp(root, box, "../outside", false).node());
    }

    @Test
    void symlinkResolution() throws WasiException {
        FileNode f = touch("f");
        DirectoryNode d = mkdir("d");
        SymlinkNode toF = vfs.symlink("f", at("lf"));
        vfs.symlink("d", at("ld"));
        vfs.symlink("../f", at("d/up"));
        vfs.symlink("missing", at("dangling"));

        assertSame(toF, at("lf").node());
        assertSame(f, follow("lf").node());
        assertSame(root, follow("lf").parent());
        assertSame(d, at("ld/").node(), "a trailing slash follows the last link");
        assertEquals(Errno.NOTDIR, errno(() -> at("ld/up/")), "a link to a file, named with a trailing slash");
        assertSame(f, follow("ld/up").node(), "relative targets resolve from the link's directory");
        assertEquals(Errno.NOTDIR, errno(() -> at("lf/")));

        Lookup dangling = follow("dangling");
        assertNull(dangling.node());
        assertEquals("missing", dangling.name());
        assertSame(root, dangling.parent());
        assertEquals(Filetype.SYMBOLIC_LINK, at("dangling").node().filetype());
        assertEquals(7, at("dangling").node().size());
        assertEquals(Errno.NOENT, errno(() -> vfs.symlink("", at("empty"))));
    }

    @Test
    void fortyHopsResolveAndFortyOneLoop() throws WasiException {
        touch("target");
        vfs.symlink("target", at("s40"));
        for (int i = 39; i >= 0; i--) {
            vfs.symlink("s" + (i + 1), at("s" + i));
        }
        assertEquals(Filetype.REGULAR_FILE, follow("s1").node().filetype());
        assertEquals(Errno.LOOP, errno(() -> follow("s0")));
        assertEquals(Filetype.SYMBOLIC_LINK, at("s0").node().filetype());
        vfs.symlink("loop/x", at("loop"));
        assertEquals(Errno.LOOP, errno(() -> at("loop/y")));
    }

    @Test
    void creatingNamesCountsLinks() throws WasiException {
        DirectoryNode d = mkdir("d");
        assertEquals(2, d.nlink());
        assertEquals(3, root.nlink());
        DirectoryNode e = mkdir("d/e");
        assertEquals(3, d.nlink());
        assertEquals(2, e.nlink());
        FileNode f = touch("d/f");
        vfs.link(at("d/f"), at("g"));
        assertEquals(2, f.nlink());
        assertSame(f, at("g").node());

        assertEquals(Errno.EXIST, errno(() -> mkdir("d")));
        assertEquals(Errno.EXIST, errno(() -> mkdir(".")));
        assertEquals(Errno.EXIST, errno(() -> mkdir("d/..")));
        assertEquals(Errno.EXIST, errno(() -> touch("g")));
        assertEquals(Errno.ISDIR, errno(() -> touch("h/")));
        assertEquals(Errno.ISDIR, errno(() -> touch(".")));
        assertEquals(Errno.PERM, errno(() -> vfs.link(at("d"), at("d2"))));
        assertEquals(Errno.EXIST, errno(() -> vfs.link(at("g"), at("d/f"))));
        assertEquals(Errno.NOENT, errno(() -> vfs.link(at("g"), at("h/"))));
        assertEquals(Errno.NOENT, errno(() -> vfs.symlink("g", at("h/"))));
        assertEquals(Errno.INVAL, errno(() -> vfs.symlink("a\0b", at("h"))));
        assertEquals(List.of("d", "g"), List.copyOf(root.entries().keySet()));
        assertEquals(2, f.nlink());
    }

    @Test
    void timestampsFollowTheClock() throws WasiException {
        clock.realtime = 100;
        DirectoryNode d = mkdir("d");
        assertEquals(100, d.mtim());
        assertEquals(100, root.mtim());
        clock.realtime = 200;
        FileNode f = touch("d/f");
        assertEquals(200, d.mtim(), "adding a name changes the directory");
        assertEquals(200, f.ctim());
        clock.realtime = 300;
        vfs.link(at("d/f"), at("g"));
        assertEquals(300, f.ctim(), "a new link changes the inode");
        assertEquals(200, f.mtim(), "but not its data");
        f.setTimes(1, 2, 400);
        assertEquals(1, f.atim());
        assertEquals(2, f.mtim());
        assertEquals(400, f.ctim());
    }

    @Test
    void unlinkAndRmdir() throws WasiException {
        DirectoryNode d = mkdir("d");
        FileNode f = touch("d/f");
        vfs.symlink("d", at("ld"));
        assertEquals(Errno.ISDIR, errno(() -> vfs.unlink(at("d"))));
        assertEquals(Errno.ISDIR, errno(() -> vfs.unlink(at("."))));
        assertEquals(Errno.NOTEMPTY, errno(() -> vfs.rmdir(at("d"))));
        assertEquals(Errno.NOTDIR, errno(() -> vfs.rmdir(at("d/f"))));
        assertEquals(Errno.NOTDIR, errno(() -> vfs.rmdir(at("ld"))), "rmdir does not follow a link");
        assertEquals(Errno.INVAL, errno(() -> vfs.rmdir(at("."))));
        assertEquals(Errno.NOENT, errno(() -> vfs.unlink(at("nothing"))));

        vfs.unlink(at("d/f"));
        assertEquals(0, f.nlink());
        vfs.unlink(at("ld"));
        assertSame(d, at("d").node(), "unlinking a link leaves its target");
        vfs.rmdir(at("d"));
        assertEquals(2, root.nlink());
        assertTrue(root.isEmpty());
    }

    @Test
    void renameMovesReplacesAndRefuses() throws WasiException {
        DirectoryNode a = mkdir("a");
        DirectoryNode b = mkdir("a/b");
        DirectoryNode empty = mkdir("empty");
        FileNode f = touch("f");
        FileNode g = touch("g");

        vfs.rename(at("f"), at("g"));
        assertSame(f, at("g").node());
        assertNull(at("f").node());
        assertEquals(0, g.nlink());
        assertEquals(1, f.nlink());

        vfs.rename(at("a/b"), at("empty"));
        assertSame(b, at("empty").node());
        assertSame(root, b.parent());
        assertEquals(2, a.nlink());
        assertEquals(4, root.nlink(), "a and the new empty: 2 + 2");
        assertEquals(0, empty.nlink(), "the replaced directory lost its name, and its `.` with it");

        vfs.rename(at("empty"), at("a/b2"));
        assertSame(a, b.parent());
        assertEquals(3, a.nlink());
        assertEquals(3, root.nlink());

        assertEquals(Errno.INVAL, errno(() -> vfs.rename(at("a"), at("a/b2/a"))));
        assertEquals(Errno.INVAL, errno(() -> vfs.rename(at("a"), at("a/x"))));
        touch("a/file");
        assertEquals(Errno.NOTDIR, errno(() -> vfs.rename(at("a/b2"), at("a/file"))));
        assertEquals(Errno.ISDIR, errno(() -> vfs.rename(at("a/file"), at("a/b2"))));
        assertEquals(Errno.NOTEMPTY, errno(() -> vfs.rename(mkdirAndReturn("c"), at("a"))));
        assertEquals(Errno.BUSY, errno(() -> vfs.rename(at("a/.."), at("z"))));
        assertEquals(Errno.BUSY, errno(() -> vfs.rename(at("g"), at("."))));
        assertEquals(Errno.NOENT, errno(() -> vfs.rename(at("nope"), at("z"))));
        assertEquals(Errno.NOTDIR, errno(() -> vfs.rename(at("g"), at("z/"))));
        assertSame(a, b.parent());
        assertEquals(3, a.nlink());
    }

    private Lookup mkdirAndReturn(String path) throws WasiException {
        mkdir(path);
        return at(path);
    }
}
