package org.rubyport.wasi.bundle;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/** Builds a bundle (see {@link BundleFormat}); the packer adds entries in tree order, parents first. */
public final class BundleWriter {
    private final String manifestJson;
    private final List<MountPoint> mounts = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    public BundleWriter(String manifestJson) {
        this.manifestJson = manifestJson;
    }

    public BundleWriter mount(String path, boolean writable) {
        mounts.add(new MountPoint(path, writable));
        return this;
    }

    public BundleWriter directory(String path) {
        entries.add(Entry.directory(path));
        return this;
    }

    public BundleWriter file(String path, byte[] content) {
        entries.add(Entry.file(path, data.size(), content.length));
        data.write(content, 0, content.length);
        return this;
    }

    public BundleWriter symlink(String path, String target) {
        entries.add(Entry.symlink(path, target));
        return this;
    }

    /** The bundle's bytes. */
    public byte[] toBytes() {
        Out out = new Out();
        out.bytes(BundleFormat.MAGIC);
        out.u16(BundleFormat.VERSION);
        out.u16(0);
        int totalAt = out.size();
        out.u32(0);
        out.u32(0);
        int crcAt = out.size();
        out.u32(0);
        byte[] manifest = manifestJson.getBytes(StandardCharsets.UTF_8);
        out.u32(manifest.length);
        out.bytes(manifest);
        out.u16(mounts.size());
        for (MountPoint mount : mounts) {
            out.u8(mount.writable() ? BundleFormat.WRITABLE : 0);
            out.string(mount.path());
        }
        out.u32(entries.size());
        for (Entry entry : entries) {
            out.u8(entry.kind());
            out.string(entry.path());
            if (entry.kind() == Entry.FILE) {
                out.u32(entry.offset());
                out.u32(entry.length());
            } else if (entry.kind() == Entry.SYMLINK) {
                out.string(entry.target());
            }
        }
        out.bytes(data.toByteArray());
        byte[] bytes = out.toByteArray();
        long total = bytes.length;
        putU32(bytes, totalAt, total);
        putU32(bytes, totalAt + 4, total >>> 32);
        CRC32 crc = new CRC32();
        crc.update(bytes, BundleFormat.CHECKED_FROM, bytes.length - BundleFormat.CHECKED_FROM);
        putU32(bytes, crcAt, crc.getValue());
        return bytes;
    }

    private static void putU32(byte[] bytes, int at, long value) {
        for (int i = 0; i < 4; i++) {
            bytes[at + i] = (byte) (value >>> (8 * i));
        }
    }

    private static final class Out extends ByteArrayOutputStream {
        void u8(int v) {
            write(v);
        }

        void u16(int v) {
            write(v);
            write(v >>> 8);
        }

        void u32(long v) {
            for (int i = 0; i < 4; i++) {
                write((int) (v >>> (8 * i)));
            }
        }

        void bytes(byte[] b) {
            write(b, 0, b.length);
        }

        void string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u16(b.length);
            bytes(b);
        }
    }
}
