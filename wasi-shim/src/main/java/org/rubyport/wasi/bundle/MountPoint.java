package org.rubyport.wasi.bundle;

/** Where a bundle puts a tree in the VFS, and whether the guest may change it there. */
public record MountPoint(String path, boolean writable) {
}
