package org.rubyport.wasi;

/**
 * WASI rights bits, and the sets that each kind of descriptor can hold. The guest passes rights as 64-bit
 * values, but preview1 defines only 30 bits, so they are kept as ints: TeaVM would make every long a BigInt.
 */
public final class Rights {
    public static final int FD_DATASYNC = 1;
    public static final int FD_READ = 1 << 1;
    public static final int FD_SEEK = 1 << 2;
    public static final int FD_FDSTAT_SET_FLAGS = 1 << 3;
    public static final int FD_SYNC = 1 << 4;
    public static final int FD_TELL = 1 << 5;
    public static final int FD_WRITE = 1 << 6;
    public static final int FD_ADVISE = 1 << 7;
    public static final int FD_ALLOCATE = 1 << 8;
    public static final int PATH_CREATE_DIRECTORY = 1 << 9;
    public static final int PATH_CREATE_FILE = 1 << 10;
    public static final int PATH_LINK_SOURCE = 1 << 11;
    public static final int PATH_LINK_TARGET = 1 << 12;
    public static final int PATH_OPEN = 1 << 13;
    public static final int FD_READDIR = 1 << 14;
    public static final int PATH_READLINK = 1 << 15;
    public static final int PATH_RENAME_SOURCE = 1 << 16;
    public static final int PATH_RENAME_TARGET = 1 << 17;
    public static final int PATH_FILESTAT_GET = 1 << 18;
    public static final int PATH_FILESTAT_SET_SIZE = 1 << 19;
    public static final int PATH_FILESTAT_SET_TIMES = 1 << 20;
    public static final int FD_FILESTAT_GET = 1 << 21;
    public static final int FD_FILESTAT_SET_SIZE = 1 << 22;
    public static final int FD_FILESTAT_SET_TIMES = 1 << 23;
    public static final int PATH_SYMLINK = 1 << 24;
    public static final int PATH_REMOVE_DIRECTORY = 1 << 25;
    public static final int PATH_UNLINK_FILE = 1 << 26;
    public static final int POLL_FD_READWRITE = 1 << 27;

    /** What an open regular file can be granted. */
    public static final int REGULAR_FILE = FD_DATASYNC | FD_READ | FD_SEEK | FD_FDSTAT_SET_FLAGS | FD_SYNC
            | FD_TELL | FD_WRITE | FD_ADVISE | FD_ALLOCATE | FD_FILESTAT_GET | FD_FILESTAT_SET_SIZE
            | FD_FILESTAT_SET_TIMES | POLL_FD_READWRITE;

    /** What an open directory can be granted for itself. */
    public static final int DIRECTORY = FD_FDSTAT_SET_FLAGS | FD_SYNC | FD_ADVISE | PATH_CREATE_DIRECTORY
            | PATH_CREATE_FILE | PATH_LINK_SOURCE | PATH_LINK_TARGET | PATH_OPEN | FD_READDIR | PATH_READLINK
            | PATH_RENAME_SOURCE | PATH_RENAME_TARGET | PATH_FILESTAT_GET | PATH_FILESTAT_SET_SIZE
            | PATH_FILESTAT_SET_TIMES | FD_FILESTAT_GET | FD_FILESTAT_SET_TIMES | PATH_SYMLINK
            | PATH_REMOVE_DIRECTORY | PATH_UNLINK_FILE | POLL_FD_READWRITE;

    /** What a directory passes on to what is opened beneath it. */
    public static final int DIRECTORY_INHERITING = DIRECTORY | REGULAR_FILE;

    /** What a standard stream can be granted. */
    public static final int STREAM = FD_READ | FD_WRITE | FD_FDSTAT_SET_FLAGS | FD_FILESTAT_GET
            | POLL_FD_READWRITE;

    /** Bit 31 defines no right; it stands for every bit at 31 and above, so no descriptor can hold them. */
    private static final int UNDEFINED = 1 << 31;

    /** The guest's 64-bit rights as the runtime keeps them. */
    public static int fromGuest(long rights) {
        return (rights >>> 31) != 0 ? (int) rights | UNDEFINED : (int) rights;
    }

    private Rights() {
    }
}
