package org.rubyport.wasi.vfs;

/** The WASI filetype codes. */
public final class Filetype {
    public static final byte UNKNOWN = 0;
    public static final byte CHARACTER_DEVICE = 2;
    public static final byte DIRECTORY = 3;
    public static final byte REGULAR_FILE = 4;
    public static final byte SYMBOLIC_LINK = 7;

    private Filetype() {
    }
}
