package org.rubyport.wasi.vfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.rubyport.wasi.Errno;
import org.rubyport.wasi.FakeClock;
import org.rubyport.wasi.WasiException;

/** The file space one file system's files share: what growth takes, and when it comes back. */
class FileSpaceTest {
    private final FileSpace space = new FileSpace(1000);
    private final Vfs vfs = new Vfs(new FakeClock(), space);
    private final DirectoryNode root = vfs.root();

    private Lookup at(String path) throws WasiException {
        return vfs.lookUp(root, root, path, false);
    }

    private FileNode write(String path, int bytes) throws WasiException {
        FileNode file = at(path).node() instanceof FileNode existing ? existing : vfs.createFile(at(path));
        file.reserve(bytes);
        file.wrote(bytes, 0);
        return file;
    }

    @Test
    void growthDoublesWhileThereIsRoomThenTakesOnlyWhatItNeeds() throws WasiException {
        FileNode file = write("f", 400);
        write("f", 500);
        assertEquals(800, space.used(), "doubled: 400 to 800");
        write("f", 900);
        assertEquals(900, space.used(), "no room to double to 1600: grown to 900 only");
        assertEquals(Errno.NOSPC, assertThrows(WasiException.class, () -> file.reserve(1001)).errno);
        assertEquals(900, file.size(), "a refused growth changes nothing");
        assertEquals(900, space.used());
    }

    @Test
    void theLastNameGivesTheSpaceBackButRenamesAndOtherNamesKeepIt() throws WasiException {
        write("a", 600);
        assertEquals(Errno.NOSPC, assertThrows(WasiException.class, () -> write("b", 600)).errno);
        vfs.rename(at("a"), at("moved"));
        assertEquals(600, space.used(), "a rename keeps the file's space");
        vfs.link(at("moved"), at("second"));
        vfs.unlink(at("moved"));
        assertEquals(600, space.used(), "another name still holds the file");
        vfs.unlink(at("second"));
        assertEquals(0, space.used());
        write("b", 600);
        assertEquals(600, space.used());
        write("c", 200);
        vfs.rename(at("c"), at("b")); // replaces b, whose last name that was
        assertEquals(200, space.used());
    }
}
