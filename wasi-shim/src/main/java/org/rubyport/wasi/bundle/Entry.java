package org.rubyport.wasi.bundle;

/** One directory, file or symlink of a bundle, at an absolute path under one of its mount points. */
public record Entry(byte kind, String path, int offset, int length, String target) {
    public static final byte DIRECTORY = 1;
    public static final byte FILE = 2;
    public static final byte SYMLINK = 3;

    static Entry directory(String path) {
        return new Entry(DIRECTORY, path, 0, 0, null);
    }

    static Entry file(String path, int offset, int length) {
        return new Entry(FILE, path, offset, length, null);
    }

    static Entry symlink(String path, String target) {
        return new Entry(SYMLINK, path, 0, 0, target);
    }
}
