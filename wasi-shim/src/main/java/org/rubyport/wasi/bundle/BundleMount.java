package org.rubyport.wasi.bundle;

import org.rubyport.wasi.WasiException;
import org.rubyport.wasi.vfs.DirectoryNode;
import org.rubyport.wasi.vfs.FileNode;
import org.rubyport.wasi.vfs.HostFiles;
import org.rubyport.wasi.vfs.Lookup;
import org.rubyport.wasi.vfs.Vfs;

/**
 * Puts a bundle's trees into a VFS. Files share the bundle's array until first used, so mounting copies
 * nothing; writable mounts then behave as a writable layer over the bundle (changes stay in this VFS, the
 * bundle's bytes never change), read-only mounts give the guest EROFS.
 */
public final class BundleMount {
    private BundleMount() {
    }

    /** Mounts every mount point of bundle into vfs; each must not exist yet. */
    public static void mount(Bundle bundle, Vfs vfs) throws BundleException {
        HostFiles files = new HostFiles(vfs);
        for (MountPoint mount : bundle.mounts()) {
            String path = mount.path();
            try {
                files.makeDirectories(parentOf(path));
                Lookup lk = lookUp(vfs, path);
                if (lk.node() != null) {
                    throw new BundleException(path + " already exists, so the bundle cannot be mounted there; mount "
                            + "each bundle into a fresh VM.");
                }
                vfs.mkdir(lk);
            } catch (WasiException e) {
                throw new BundleException("The bundle cannot be mounted at " + path + " (" + e.errno + ").");
            }
        }
        for (Entry entry : bundle.entries()) {
            try {
                files.makeDirectories(parentOf(entry.path()));
                switch (entry.kind()) {
                    case Entry.DIRECTORY -> files.makeDirectories(entry.path());
                    case Entry.FILE -> {
                        FileNode file = vfs.createFile(lookUp(vfs, entry.path()));
                        file.backBy(bundle.bytes(), bundle.dataStart() + entry.offset(), entry.length());
                    }
                    default -> vfs.symlink(entry.target(), lookUp(vfs, entry.path()));
                }
            } catch (WasiException e) {
                throw new BundleException("Bundle entry " + entry.path() + " conflicts with another entry ("
                        + e.errno + "); rebuild the bundle with the packer.");
            }
        }
        for (MountPoint mount : bundle.mounts()) {
            if (!mount.writable()) {
                try {
                    files.makeReadOnly(mount.path());
                } catch (WasiException e) {
                    throw new BundleException("The mount at " + mount.path() + " could not be made read-only.");
                }
            }
        }
    }

    private static String parentOf(String path) {
        return path.substring(0, path.lastIndexOf('/'));
    }

    private static Lookup lookUp(Vfs vfs, String absolute) throws WasiException {
        DirectoryNode root = vfs.root();
        return vfs.lookUp(root, root, absolute.substring(1), false);
    }
}
