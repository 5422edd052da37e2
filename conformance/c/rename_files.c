// rename(2) of files: replacing an existing file atomically, the errors for directories in the way
// and for trailing slashes, and renames that change nothing.
// expect-exit: 0
// expect-stdout: rename over file ok
// expect-stdout: rename file errors ok
// expect-stdout: rename no-op ok
#include "check.h"

int main(void) {
    struct stat st, old;

    write_file("src", "new");
    write_file("dst", "old");
    CHECK(stat("src", &old) == 0);
    CHECK(rename("src", "dst") == 0);
    CHECK_ERRNO(stat("src", &st), ENOENT);
    CHECK(stat("dst", &st) == 0);
    CHECK_EQ(st.st_ino, old.st_ino);
    CHECK_STR(read_file("dst"), "new");

    // A descriptor open on the replaced file still reads its data.
    write_file("victim", "kept");
    int fd = open("victim", O_RDONLY);
    CHECK(fd >= 0);
    CHECK(rename("dst", "victim") == 0);
    char buf[8] = {0};
    CHECK_EQ(read(fd, buf, sizeof buf - 1), 4);
    CHECK_STR(buf, "kept");
    CHECK(close(fd) == 0);
    CHECK_STR(read_file("victim"), "new");

    CHECK(mkdir("dir", 0755) == 0);
    CHECK(rename("victim", "dir/inside") == 0); // into another directory
    CHECK_STR(read_file("dir/inside"), "new");
    puts("rename over file ok");

    write_file("file", "f");
    CHECK(mkdir("emptydir", 0755) == 0);
    CHECK_ERRNO(rename("file", "emptydir"), EISDIR);
    CHECK_ERRNO(rename("file/", "other"), ENOTDIR);  // trailing slash on the source
    CHECK_ERRNO(rename("file", "other/"), ENOTDIR);  // and on a new target
    CHECK_ERRNO(rename("file/", "file2/"), ENOTDIR);
    CHECK_ERRNO(rename("missing", "other"), ENOENT);
    CHECK_ERRNO(rename("file", "nodir/other"), ENOENT);
    CHECK_ERRNO(rename("file", "file/other"), ENOTDIR);
    CHECK_ERRNO(stat("other", &st), ENOENT);
    CHECK_STR(read_file("file"), "f"); // still there
    puts("rename file errors ok");

    CHECK(rename("file", "file") == 0);
    CHECK_STR(read_file("file"), "f");
    CHECK(link("file", "alias") == 0);
    CHECK(rename("file", "alias") == 0); // two names of one inode: nothing happens
    CHECK(stat("file", &st) == 0);
    CHECK(stat("alias", &st) == 0);
    CHECK_EQ(st.st_nlink, 2);
    puts("rename no-op ok");
    return 0;
}
