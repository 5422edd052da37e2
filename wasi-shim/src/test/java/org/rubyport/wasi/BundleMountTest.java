package org.rubyport.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rubyport.wasi.Guest.FOLLOW;
import static org.rubyport.wasi.Guest.OFLAG_CREAT;
import static org.rubyport.wasi.Guest.PREOPEN;
import static org.rubyport.wasi.Guest.assertErrno;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rubyport.wasi.Guest.Str;
import org.rubyport.wasi.bundle.Bundle;
import org.rubyport.wasi.bundle.BundleException;
import org.rubyport.wasi.bundle.BundleMount;
import org.rubyport.wasi.bundle.BundleWriter;
import org.rubyport.wasi.vfs.FileNode;
import org.rubyport.wasi.vfs.HostFiles;

/** A bundle mounted into the VFS, seen by the guest: lazy, writable over the app, read-only over gems. */
class BundleMountTest {
    private final byte[] bytes = new BundleWriter("{}")
            .mount("/app", true)
            .mount("/gems/rack", false)
            .file("/app/config.ru", "run App".getBytes(StandardCharsets.UTF_8))
            .directory("/app/log")
            .symlink("/app/rackup", "config.ru")
            .file("/gems/rack/lib/rack.rb", "module Rack; end".getBytes(StandardCharsets.UTF_8))
            .toBytes();

    private Guest mounted() throws BundleException {
        Guest g = new Guest();
        BundleMount.mount(Bundle.read(bytes), g.vfs);
        return g;
    }

    private static FileNode node(Guest g, String path) throws WasiException {
        return (FileNode) g.vfs.lookUp(g.vfs.root(), g.vfs.root(), path, true).requireExists();
    }

    @Test
    void theGuestReadsFilesThroughSymlinksAndNothingIsCopiedBeforeUse() throws Exception {
        Guest g = mounted();
        assertTrue(node(g, "app/config.ru").isShared());
        assertEquals(7, node(g, "app/config.ru").size(), "size without copying");
        assertTrue(node(g, "app/config.ru").isShared());
        assertEquals("run App", g.readFile(PREOPEN, "app/rackup"));
        assertEquals("module Rack; end", g.readFile(PREOPEN, "gems/rack/lib/rack.rb"));
        assertTrue(node(g, "gems/rack/lib/rack.rb").isShared(), "reading copies nothing either");
        g.writeFile(PREOPEN, "app/config.ru", "run Other");
        assertFalse(node(g, "app/config.ru").isShared(), "changed, so owned");
        assertEquals("run Other", g.readFile(PREOPEN, "app/config.ru"));
    }

    @Test
    void theAppMountIsAWritableLayerAndTheBundleNeverChanges() throws Exception {
        byte[] before = bytes.clone();
        Guest first = mounted();
        first.writeFile(PREOPEN, "app/config.ru", "changed");
        first.writeFile(PREOPEN, "app/log/development.log", "started");
        first.mkdir(PREOPEN, "app/tmp");
        assertEquals("changed", first.readFile(PREOPEN, "app/config.ru"));
        Guest second = mounted();
        assertEquals("run App", second.readFile(PREOPEN, "app/config.ru"));
        assertArrayEquals(before, bytes);
    }

    @Test
    void gemMountsAreReadOnly() throws Exception {
        Guest g = mounted();
        assertErrno(Errno.ROFS, g.openErrno(PREOPEN, FOLLOW, "gems/rack/lib/new.rb", OFLAG_CREAT));
        assertErrno(Errno.ROFS, g.openErrno(PREOPEN, FOLLOW, "gems/rack/lib/rack.rb", 0));
        Str file = g.str("gems/rack/lib/rack.rb");
        assertErrno(Errno.ROFS, g.wasi.pathUnlinkFile(PREOPEN, file.ptr(), file.len()));
    }

    @Test
    void mountingOverAnExistingPathIsRefused() throws Exception {
        Guest g = new Guest();
        new HostFiles(g.vfs).writeFile("/app/old.rb", new byte[0]);
        String message = assertThrows(BundleException.class, () -> BundleMount.mount(Bundle.read(bytes), g.vfs))
                .getMessage();
        assertTrue(message.contains("/app already exists"), message);
    }

    @Test
    void entriesThatContradictEachOtherAreRefused() throws Exception {
        byte[] clash = new BundleWriter("{}").mount("/app", true).file("/app/a", new byte[1])
                .file("/app/a/b", new byte[1]).toBytes();
        Guest g = new Guest();
        String message = assertThrows(BundleException.class, () -> BundleMount.mount(Bundle.read(clash), g.vfs))
                .getMessage();
        assertTrue(message.contains("/app/a/b conflicts"), message);
    }
}
