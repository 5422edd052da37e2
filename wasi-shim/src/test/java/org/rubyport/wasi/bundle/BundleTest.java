package org.rubyport.wasi.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class BundleTest {
    static byte[] sample() {
        return new BundleWriter("{\"name\":\"demo\"}")
                .mount("/app", true)
                .mount("/gems/rack", false)
                .directory("/app/views")
                .file("/app/config.ru", "run App".getBytes(StandardCharsets.UTF_8))
                .file("/app/views/ünï.erb", "<%= 1 %>".getBytes(StandardCharsets.UTF_8))
                .directory("/app/empty")
                .symlink("/app/link.ru", "config.ru")
                .file("/gems/rack/lib/rack.rb", "module Rack; end".getBytes(StandardCharsets.UTF_8))
                .toBytes();
    }

    private static String message(byte[] bytes) {
        return assertThrows(BundleException.class, () -> Bundle.read(bytes)).getMessage();
    }

    /** bytes with the CRC recomputed, so that a test reaches the checks behind it. */
    static byte[] withValidCrc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 20, bytes.length - 20);
        long v = crc.getValue();
        for (int i = 0; i < 4; i++) {
            bytes[16 + i] = (byte) (v >>> (8 * i));
        }
        return bytes;
    }

    @Test
    void readsBackWhatWasWritten() throws BundleException {
        Bundle bundle = Bundle.read(sample());
        assertEquals("{\"name\":\"demo\"}", bundle.manifestJson());
        assertEquals(List.of(new MountPoint("/app", true), new MountPoint("/gems/rack", false)), bundle.mounts());
        assertEquals(List.of("/app/views", "/app/config.ru", "/app/views/ünï.erb", "/app/empty", "/app/link.ru",
                "/gems/rack/lib/rack.rb"), bundle.entries().stream().map(Entry::path).toList());
        assertEquals("config.ru", bundle.entries().get(4).target());
    }

    @Test
    void everyTruncationIsRefused() {
        byte[] whole = sample();
        for (int cut = 0; cut < whole.length; cut++) {
            String message = message(Arrays.copyOf(whole, cut));
            assertTrue(message.contains("truncated") || message.contains("not a Rubyport app bundle"), cut + ": " + message);
        }
        assertTrue(message(Arrays.copyOf(whole, 100)).contains("expected " + whole.length + " bytes, got 100"));
    }

    @Test
    void everyFlippedByteIsRefused() {
        byte[] whole = sample();
        for (int at = 0; at < whole.length; at++) {
            byte[] damaged = whole.clone();
            damaged[at] ^= 0x20;
            assertThrows(BundleException.class, () -> Bundle.read(damaged), "flipped byte " + at);
        }
        byte[] late = whole.clone();
        late[late.length - 1] ^= 1;
        assertTrue(message(late).contains("checksum does not match"));
    }

    @Test
    void wrongMagicAndVersionSaySo() {
        assertTrue(message("PK\3\4 a zip file".getBytes(StandardCharsets.UTF_8)).contains("not a Rubyport app bundle"));
        byte[] future = sample();
        future[4] = 2;
        assertTrue(message(future).contains("format version 2"));
    }

    @Test
    void pathsThatCouldEscapeAreRefused() {
        for (String bad : new String[] {"/app/../etc/passwd", "/app/./x", "/app//x", "app/x", "/app/x/", "/app/a\0b"}) {
            byte[] bytes = new BundleWriter("{}").mount("/app", true).file(bad, new byte[1]).toBytes();
            assertTrue(message(bytes).contains("is not a plain absolute path"), bad);
        }
        byte[] escapingMount = new BundleWriter("{}").mount("/app/..", true).toBytes();
        assertTrue(message(escapingMount).contains("mount point"));
    }

    @Test
    void entriesOutsideMountsDuplicatesAndOverlapsAreRefused() {
        assertTrue(message(new BundleWriter("{}").mount("/app", true).file("/etc/passwd", new byte[1]).toBytes())
                .contains("not inside one of the bundle's mount points"));
        assertTrue(message(new BundleWriter("{}").mount("/app", true).file("/app", new byte[1]).toBytes())
                .contains("not inside one of the bundle's mount points"));
        assertTrue(message(new BundleWriter("{}").mount("/app", true).file("/app/a", new byte[1])
                .file("/app/a", new byte[1]).toBytes()).contains("appears twice"));
        assertTrue(message(new BundleWriter("{}").mount("/gems", false).mount("/gems/rack", false).toBytes())
                .contains("overlap"));
    }

    @Test
    void lyingCountsAndRangesAreRefusedWithoutHugeAllocations() {
        byte[] bytes = new BundleWriter("{}").mount("/app", true).file("/app/a", new byte[] {1, 2, 3}).toBytes();
        int entryCountAt = 20 + 4 + 2 + 2 + 1 + 2 + 4; // manifest, mount count, one mount
        byte[] lying = bytes.clone();
        lying[entryCountAt + 3] = 0x7f;
        assertTrue(message(withValidCrc(lying)).contains("claims"));
        byte[] longFile = bytes.clone();
        int lengthAt = entryCountAt + 4 + 1 + 2 + 6 + 4;
        longFile[lengthAt] = 4;
        assertTrue(message(withValidCrc(longFile)).contains("beyond the end"));
        byte[] invalidUtf8 = new BundleWriter("{}").mount("/app", true).file("/app/\u00e9", new byte[0]).toBytes();
        invalidUtf8[entryCountAt + 4 + 1 + 2 + 5] = (byte) 0xff;
        assertTrue(message(withValidCrc(invalidUtf8)).contains("not valid UTF-8"));
    }
}
