package org.rubyport.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.rubyport.wasi.Guest.FOLLOW;
import static org.rubyport.wasi.Guest.OFLAG_CREAT;
import static org.rubyport.wasi.Guest.OFLAG_TRUNC;
import static org.rubyport.wasi.Guest.PREOPEN;
import static org.rubyport.wasi.Guest.assertErrno;
import static org.rubyport.wasi.Guest.ok;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rubyport.wasi.Guest.Str;
import org.rubyport.wasi.vfs.DirectoryNode;
import org.rubyport.wasi.vfs.FileNode;
import org.rubyport.wasi.vfs.Filetype;
import org.rubyport.wasi.vfs.Inode;
import org.rubyport.wasi.vfs.Lookup;
import org.rubyport.wasi.vfs.Vfs;

/**
 * The preopen is a sandbox: the guest's fd 3 is /sandbox, beside which lies /secret. No path, `..` or
 * symlink may reach /secret, and after each test everything outside /sandbox is as it was.
 */
class WasiSandboxTest {
    private DirectoryNode sandbox;
    private FileNode secret;
    private final Guest g = new Guest((vfs, b) -> {
        try {
            sandbox = vfs.mkdir(vfs.lookUp(vfs.root(), vfs.root(), "sandbox", false));
            secret = vfs.createFile(vfs.lookUp(vfs.root(), vfs.root(), "secret", false));
            secret.setContent("top secret".getBytes(StandardCharsets.UTF_8), vfs.now());
        } catch (WasiException e) {
            throw new AssertionError(e);
        }
        b.preopen("/sandbox", sandbox);
    });
    private final WasiPreview1 w = g.wasi;

    @BeforeEach
    void populate() {
        g.mkdir(PREOPEN, "sub");
        g.writeFile(PREOPEN, "inside", "inside");
    }

    @AfterEach
    void outsideIsUntouched() {
        DirectoryNode root = g.vfs.root();
        assertEquals(List.of("sandbox", "secret"), List.copyOf(root.entries().keySet()));
        assertEquals(3, root.nlink());
        assertEquals(1, secret.nlink());
        assertEquals("top secret", new String(secret.content(), StandardCharsets.UTF_8));
        assertEquals(root, sandbox.parent());
    }

    private int stat(int lookupFlags, String path) {
        return g.statErrno(PREOPEN, lookupFlags, path);
    }

    @Test
    void absolutePathsAreNotCapable() {
        int out = g.alloc(4);
        for (String path : List.of("/secret", "/", "/sandbox/inside", "//inside")) {
            assertErrno(Errno.NOTCAPABLE, stat(FOLLOW, path));
            assertErrno(Errno.NOTCAPABLE, g.openErrno(PREOPEN, FOLLOW, path, OFLAG_CREAT | OFLAG_TRUNC,
                    Rights.REGULAR_FILE, 0, out));
            Str p = g.str(path);
            assertErrno(Errno.NOTCAPABLE, w.pathCreateDirectory(PREOPEN, p.ptr(), p.len()));
            assertErrno(Errno.NOTCAPABLE, w.pathUnlinkFile(PREOPEN, p.ptr(), p.len()));
            assertErrno(Errno.NOTCAPABLE, w.pathRemoveDirectory(PREOPEN, p.ptr(), p.len()));
        }
    }

    @Test
    void dotDotStopsAtThePreopen() {
        for (String path : List.of("..", "../secret", "sub/../../secret", "./../sandbox/inside", "sub/../..")) {
            assertErrno(Errno.NOTCAPABLE, stat(FOLLOW, path));
            assertErrno(Errno.NOTCAPABLE, g.openErrno(PREOPEN, FOLLOW, path, OFLAG_CREAT | OFLAG_TRUNC));
        }
        assertEquals(Filetype.REGULAR_FILE, g.filetype(g.stat(PREOPEN, 0, "sub/../inside")), "`..` inside is fine");

        Str a = g.str("inside");
        Str out = g.str("../stolen");
        assertErrno(Errno.NOTCAPABLE, w.pathRename(PREOPEN, a.ptr(), a.len(), PREOPEN, out.ptr(), out.len()));
        assertErrno(Errno.NOTCAPABLE, w.pathLink(PREOPEN, 0, a.ptr(), a.len(), PREOPEN, out.ptr(), out.len()));
        Str sec = g.str("../secret");
        assertErrno(Errno.NOTCAPABLE, w.pathLink(PREOPEN, 0, sec.ptr(), sec.len(), PREOPEN, a.ptr(), a.len()));
        assertErrno(Errno.NOTCAPABLE, w.pathRename(PREOPEN, sec.ptr(), sec.len(), PREOPEN, a.ptr(), a.len()));
        assertErrno(Errno.NOTCAPABLE, w.pathUnlinkFile(PREOPEN, sec.ptr(), sec.len()));
        assertErrno(Errno.NOTCAPABLE, w.pathSymlink(a.ptr(), a.len(), PREOPEN, out.ptr(), out.len()));
        assertErrno(Errno.NOTCAPABLE, w.pathFilestatSetTimes(PREOPEN, 0, sec.ptr(), sec.len(), 1, 1, 1 | 4));
    }

    @Test
    void aDirectoryOpenedInsideIsItsOwnLimit() {
        int sub = g.openDir(PREOPEN, "sub");
        g.writeFile(sub, "own", "own");
        assertEquals("own", g.readFile(sub, "./own"));
        assertErrno(Errno.NOTCAPABLE, g.statErrno(sub, FOLLOW, "../inside"), "a directory fd grants only what is below it");
        assertErrno(Errno.NOTCAPABLE, g.statErrno(sub, FOLLOW, "../../secret"));
        assertErrno(Errno.NOTCAPABLE, g.statErrno(sub, FOLLOW, "/secret"));
        int prestat = g.alloc(8);
        assertErrno(Errno.BADF, w.fdPrestatGet(sub, prestat), "only preopens have a prestat");
    }

    @Test
    void symlinksCannotLeadOut() {
        g.symlink("../..", PREOPEN, "up");
        g.symlink("../../secret", PREOPEN, "sub/sneaky");
        g.symlink("..", PREOPEN, "parent");
        g.symlink("../new-outside", PREOPEN, "creator");
        for (String path : List.of("up", "up/secret", "up/", "sub/sneaky", "parent/secret", "creator")) {
            assertErrno(Errno.NOTCAPABLE, stat(FOLLOW, path));
            assertErrno(Errno.NOTCAPABLE, g.openErrno(PREOPEN, FOLLOW, path, OFLAG_CREAT | OFLAG_TRUNC));
        }
        Str p = g.str("up/x");
        assertErrno(Errno.NOTCAPABLE, w.pathCreateDirectory(PREOPEN, p.ptr(), p.len()));
        Str q = g.str("creator");
        Str r = g.str("parent/moved");
        assertErrno(Errno.NOTCAPABLE, w.pathRename(PREOPEN, g.str("inside").ptr(), 6, PREOPEN, r.ptr(), r.len()));
        // The link itself is still an ordinary entry that can be read and removed.
        assertEquals(Filetype.SYMBOLIC_LINK, g.filetype(g.stat(PREOPEN, 0, "up")));
        ok(w.pathUnlinkFile(PREOPEN, q.ptr(), q.len()));
    }

    @Test
    void absoluteSymlinksWorkInTheGuestRoot() {
        Guest root = new Guest();
        root.mkdir(PREOPEN, "t");
        root.writeFile(PREOPEN, "t/f.txt", "data");
        root.symlink("/t/f.txt", PREOPEN, "t/abs");
        root.symlink("/", PREOPEN, "t/top");
        assertEquals("data", root.readFile(PREOPEN, "t/abs"), "as File.symlink(\"/t/f.txt\", ...) does on Linux");
        assertEquals("data", root.readFile(PREOPEN, "t/top/t/top/t/f.txt"));
        int t = root.openDir(PREOPEN, "t");
        assertErrno(Errno.NOTCAPABLE, root.statErrno(t, FOLLOW, "abs"), "from a subdirectory fd it would escape");
    }

    @Test
    void absoluteSymlinksAreRefusedOutsideTheGuestRoot() {
        Str target = g.str("/secret");
        Str name = g.str("abs");
        assertErrno(Errno.NOTCAPABLE, w.pathSymlink(target.ptr(), target.len(), PREOPEN, name.ptr(), name.len()));
        try {
            g.vfs.symlink("/inside", g.vfs.lookUp(sandbox, sandbox, "hostmade", false));
        } catch (WasiException e) {
            throw new AssertionError(e);
        }
        assertErrno(Errno.NOTCAPABLE, stat(FOLLOW, "hostmade"), "only the guest's \"/\" gives an absolute path meaning");
    }

    @Test
    void aDirectoryMovedToAnotherPreopenCannotBeUsedToClimbOutOfIt() {
        // Two disjoint preopens: fd 3 is /a, fd 4 is /b; /secret lies outside both.
        Guest two = new Guest((vfs, b) -> {
            try {
                DirectoryNode a = vfs.mkdir(vfs.lookUp(vfs.root(), vfs.root(), "a", false));
                DirectoryNode bDir = vfs.mkdir(vfs.lookUp(vfs.root(), vfs.root(), "b", false));
                vfs.createFile(vfs.lookUp(vfs.root(), vfs.root(), "secret", false));
                b.preopen("/a", a).preopen("/b", bDir);
            } catch (WasiException e) {
                throw new AssertionError(e);
            }
        });
        two.mkdir(3, "d");
        int d = two.openDir(3, "d");
        Str name = two.str("d");
        ok(two.wasi.pathRename(3, name.ptr(), name.len(), 4, name.ptr(), name.len()));
        // d now lives in /b, but d's descriptor was opened from /a: its `..` chain never meets /a.
        assertErrno(Errno.NOTCAPABLE, two.statErrno(d, FOLLOW, "../../secret"));
        assertErrno(Errno.NOTCAPABLE, two.openErrno(d, FOLLOW, "../../planted", OFLAG_CREAT));
        assertNull(two.vfs.root().get("planted"));
        assertEquals(List.of("a", "b", "secret"), List.copyOf(two.vfs.root().entries().keySet()));
    }

    @Test
    void theVfsRefusesAbsoluteAndEscapingPathsForAnySandbox() throws WasiException {
        Vfs vfs = g.vfs;
        for (String path : List.of("/secret", "../secret", "sub/../../secret")) {
            try {
                Lookup lk = vfs.lookUp(sandbox, sandbox, path, true);
                throw new AssertionError(path + " resolved to " + lk);
            } catch (WasiException e) {
                assertEquals(Errno.NOTCAPABLE, e.errno, path);
            }
        }
        Inode viaRoot = vfs.lookUp(vfs.root(), vfs.root(), "sandbox/../secret", true).node();
        assertEquals(secret, viaRoot, "the same path is fine for a sandbox that contains it");
    }
}
