package org.rubyport.wasi.bundle;

/**
 * The app bundle format (".rpk"), version 1. Integers are little-endian; strings are UTF-8 with a length
 * prefix (u16 unless said otherwise).
 * <pre>
 * offset 0   "RPK1" magic (4 bytes)
 *        4   u16 version (1), u16 flags (0)
 *        8   u64 total length of the file
 *        16  u32 CRC-32 of every byte from offset 20 to the end
 *        20  u32 manifest length, manifest (JSON, opaque to Java)
 *            u16 mount count; per mount: u8 flags (1 = writable), path
 *            u32 entry count; per entry: u8 kind (1 directory, 2 file, 3 symlink), path, then
 *                for a file: u32 offset into the data section, u32 length; for a symlink: target
 *        ... data section: the files' bytes, to the end
 * </pre>
 * Paths are absolute and normalised ("/app/config.ru": no empty, "." or ".." segments, no NUL), each under
 * exactly one mount point; mount points do not nest. The total length and the CRC catch truncated and
 * damaged downloads before anything is mounted.
 */
public final class BundleFormat {
    static final byte[] MAGIC = {'R', 'P', 'K', '1'};
    static final int VERSION = 1;
    static final int CHECKED_FROM = 20;
    static final int WRITABLE = 1;

    private BundleFormat() {
    }
}
