package org.rubyport.wasi.bundle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import org.rubyport.wasi.Utf8;
import org.rubyport.wasi.WasiException;

/** A validated app bundle (see {@link BundleFormat}): its manifest, mount points and entries. */
public final class Bundle {
    private final byte[] bytes;
    private final String manifestJson;
    private final List<MountPoint> mounts;
    private final List<Entry> entries;
    private final int dataStart;

    private Bundle(byte[] bytes, String manifestJson, List<MountPoint> mounts, List<Entry> entries, int dataStart) {
        this.bytes = bytes;
        this.manifestJson = manifestJson;
        this.mounts = mounts;
        this.entries = entries;
        this.dataStart = dataStart;
    }

    public String manifestJson() {
        return manifestJson;
    }

    public List<MountPoint> mounts() {
        return mounts;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The array the files' content is sliced from, and where the data section starts in it. */
    byte[] bytes() {
        return bytes;
    }

    int dataStart() {
        return dataStart;
    }

    /** Checks everything in bytes, which the bundle then shares (it must not change afterwards). */
    public static Bundle read(byte[] bytes) throws BundleException {
        checkHeader(bytes);
        Reader in = new Reader(bytes, BundleFormat.CHECKED_FROM);
        String manifest = in.string(in.u32(), "manifest");
        int mountCount = in.u16();
        List<MountPoint> mounts = new ArrayList<>();
        for (int i = 0; i < mountCount; i++) {
            int flags = in.u8();
            String path = Paths.requireNormal(in.string(in.u16(), "mount point"), "mount point");
            for (MountPoint other : mounts) {
                if (Paths.within(path, other.path()) || Paths.within(other.path(), path)) {
                    throw new BundleException("The bundle's mount points " + other.path() + " and " + path
                            + " overlap; rebuild it with the packer.");
                }
            }
            mounts.add(new MountPoint(path, (flags & BundleFormat.WRITABLE) != 0));
        }
        long entryCount = in.u32();
        // Every entry takes at least 3 bytes, so a count beyond that is a lie, caught before allocating for it.
        if (entryCount > (bytes.length - in.position) / 3) {
            throw damaged("it claims " + entryCount + " entries");
        }
        List<Entry> entries = new ArrayList<>((int) entryCount);
        Set<String> seen = new HashSet<>();
        long[] fileEnds = new long[(int) entryCount];
        for (int i = 0; i < entryCount; i++) {
            byte kind = (byte) in.u8();
            String path = Paths.requireNormal(in.string(in.u16(), "entry path"), "entry");
            MountPoint mount = mountOf(mounts, path);
            if (mount == null || mount.path().equals(path)) {
                throw new BundleException("Bundle entry " + path + " is not inside one of the bundle's mount points; "
                        + "rebuild it with the packer.");
            }
            if (!seen.add(path)) {
                throw new BundleException("Bundle entry " + path + " appears twice; rebuild it with the packer.");
            }
            switch (kind) {
                case Entry.DIRECTORY -> entries.add(Entry.directory(path));
                case Entry.FILE -> {
                    long offset = in.u32();
                    long length = in.u32();
                    fileEnds[i] = offset + length;
                    entries.add(Entry.file(path, (int) offset, (int) length));
                }
                case Entry.SYMLINK -> entries.add(Entry.symlink(path, in.string(in.u16(), "symlink target")));
                default -> throw damaged("entry " + path + " has unknown kind " + kind);
            }
        }
        int dataStart = in.position;
        for (int i = 0; i < entryCount; i++) {
            if (fileEnds[i] > bytes.length - dataStart) {
                throw damaged("file " + entries.get(i).path() + " lies beyond the end of the data");
            }
        }
        return new Bundle(bytes, manifest, List.copyOf(mounts), List.copyOf(entries), dataStart);
    }

    private static void checkHeader(byte[] bytes) throws BundleException {
        for (int i = 0; i < BundleFormat.MAGIC.length; i++) {
            if (i >= bytes.length || bytes[i] != BundleFormat.MAGIC[i]) {
                throw new BundleException("This is not a Rubyport app bundle (it does not start with RPK1); build it "
                        + "with the packer.");
            }
        }
        if (bytes.length < BundleFormat.CHECKED_FROM) {
            throw truncated(BundleFormat.CHECKED_FROM, bytes.length);
        }
        Reader header = new Reader(bytes, 4);
        int version = header.u16();
        int flags = header.u16();
        long total = header.u32() | ((long) header.u32() << 32);
        if (version != BundleFormat.VERSION) {
            throw new BundleException("The bundle has format version " + version + ", but this Rubyport reads version "
                    + BundleFormat.VERSION + "; pack the app again with this version's packer.");
        }
        if (flags != 0) {
            throw new BundleException("The bundle uses features (flags " + flags + ") this Rubyport does not know; pack "
                    + "the app again with this version's packer.");
        }
        if (total != bytes.length) {
            throw truncated(total, bytes.length);
        }
        long expected = header.u32();
        CRC32 crc = new CRC32();
        crc.update(bytes, BundleFormat.CHECKED_FROM, bytes.length - BundleFormat.CHECKED_FROM);
        if (crc.getValue() != expected) {
            throw new BundleException("The bundle is damaged (its checksum does not match); download it again or "
                    + "pack it again.");
        }
    }

    private static BundleException truncated(long expected, long got) {
        return new BundleException("The bundle is truncated: expected " + expected + " bytes, got " + got
                + "; download it again.");
    }

    private static BundleException damaged(String what) {
        return new BundleException("The bundle is damaged (" + what + "); pack the app again.");
    }

    /** The mount point path lies under, or null. */
    static MountPoint mountOf(List<MountPoint> mounts, String path) {
        for (MountPoint mount : mounts) {
            if (Paths.within(path, mount.path())) {
                return mount;
            }
        }
        return null;
    }

    /** Reads the index; every read is bounds-checked, so a short or lying index is reported, not thrown. */
    private static final class Reader {
        private final byte[] bytes;
        int position;

        Reader(byte[] bytes, int position) {
            this.bytes = bytes;
            this.position = position;
        }

        private void need(long n) throws BundleException {
            if (position + n > bytes.length) {
                throw damaged("its index runs past the end of the file");
            }
        }

        int u8() throws BundleException {
            need(1);
            return bytes[position++] & 0xFF;
        }

        int u16() throws BundleException {
            need(2);
            int v = (bytes[position] & 0xFF) | (bytes[position + 1] & 0xFF) << 8;
            position += 2;
            return v;
        }

        long u32() throws BundleException {
            need(4);
            long v = (bytes[position] & 0xFFL) | (bytes[position + 1] & 0xFFL) << 8 | (bytes[position + 2] & 0xFFL) << 16
                    | (bytes[position + 3] & 0xFFL) << 24;
            position += 4;
            return v;
        }

        String string(long length, String what) throws BundleException {
            need(length);
            byte[] raw = new byte[(int) length];
            System.arraycopy(bytes, position, raw, 0, (int) length);
            position += (int) length;
            try {
                return Utf8.decodeStrict(raw);
            } catch (WasiException e) {
                throw damaged("a " + what + " is not valid UTF-8");
            }
        }
    }
}
