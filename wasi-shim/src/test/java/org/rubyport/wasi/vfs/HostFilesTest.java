package org.rubyport.wasi.vfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.rubyport.wasi.Errno;
import org.rubyport.wasi.FakeClock;
import org.rubyport.wasi.WasiException;

class HostFilesTest {
    private final Vfs vfs = new Vfs(new FakeClock());
    private final HostFiles files = new HostFiles(vfs);

    private static Errno errno(Executable call) {
        return assertThrows(WasiException.class, call).errno;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void makeDirectoriesCreatesWhatIsMissingAndReturnsTheLast() throws WasiException {
        DirectoryNode b = files.makeDirectories("/a/b");
        assertSame(b, files.makeDirectories("a//b/"), "existing directories are reused");
        DirectoryNode a = (DirectoryNode) vfs.root().get("a");
        assertSame(a, b.parent());
        assertEquals(3, a.nlink());
        assertSame(vfs.root(), files.makeDirectories("/"));
        assertEquals(List.of("a"), List.copyOf(vfs.root().entries().keySet()));
    }

    @Test
    void writeFileCreatesParentsAndReplacesContent() throws WasiException {
        files.writeFile("/app/lib/main.rb", utf8("puts 1"));
        assertArrayEquals(utf8("puts 1"), files.readFile("/app/lib/main.rb"));
        files.writeFile("app/lib/main.rb", utf8("p"));
        assertArrayEquals(utf8("p"), files.readFile("//app/lib/main.rb"));
        assertEquals(3, vfs.root().get("app").nlink(), "2 + one subdirectory, lib");
    }

    @Test
    void symlinksAreFollowed() throws WasiException {
        files.writeFile("/data/real.txt", utf8("real"));
        vfs.symlink("data", vfs.lookUp(vfs.root(), vfs.root(), "alias", false));
        assertArrayEquals(utf8("real"), files.readFile("/alias/real.txt"));
        files.writeFile("/alias/new.txt", utf8("n"));
        assertArrayEquals(utf8("n"), files.readFile("/data/new.txt"));
    }

    @Test
    void refusals() throws WasiException {
        files.writeFile("/f", utf8(""));
        files.makeDirectories("/d");
        assertEquals(Errno.ISDIR, errno(() -> files.writeFile("/d", utf8("x"))));
        assertEquals(Errno.ISDIR, errno(() -> files.readFile("/d")));
        assertEquals(Errno.NOENT, errno(() -> files.readFile("/missing")));
        assertEquals(Errno.NOTDIR, errno(() -> files.makeDirectories("/f/sub")));
        assertEquals(Errno.NOTCAPABLE, errno(() -> files.makeDirectories("/..")));
    }
}
