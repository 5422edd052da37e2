package org.rubyport.wasi.vfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.rubyport.wasi.Errno;
import org.rubyport.wasi.WasiException;

class LookupTest {
    private final DirectoryNode dir = new DirectoryNode(1, 0);
    private final FileNode file = new FileNode(2, 0, new FileSpace(FileSpace.DEFAULT_LIMIT));

    private static Errno errno(Executable call) {
        return assertThrows(WasiException.class, call).errno;
    }

    @Test
    void guardsRaiseTheirOneError() throws WasiException {
        Lookup absent = new Lookup(dir, "x", null, false);
        Lookup toFile = new Lookup(dir, "f", file, false);
        Lookup toDir = new Lookup(dir, "d", dir, false);

        assertEquals(Errno.NOENT, errno(absent::requireExists));
        assertEquals(Errno.NOENT, errno(absent::requireDirectory));
        absent.requireAbsent();
        assertSame(file, toFile.requireExists());
        assertEquals(Errno.NOTDIR, errno(toFile::requireDirectory));
        assertEquals(Errno.EXIST, errno(toFile::requireAbsent));
        assertSame(dir, toDir.requireDirectory());
    }

    @Test
    void dotAndDotDotAreNotNames() throws WasiException {
        new Lookup(dir, "...", null, false).requireNamed(Errno.BUSY);
        new Lookup(dir, ".x", null, false).requireNamed(Errno.BUSY);
        assertEquals(Errno.BUSY, errno(() -> new Lookup(dir, ".", dir, false).requireNamed(Errno.BUSY)));
        assertEquals(Errno.EXIST, errno(() -> new Lookup(dir, "..", dir, false).requireNamed(Errno.EXIST)));
    }
}
