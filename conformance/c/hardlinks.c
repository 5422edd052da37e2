// link(2): names share one inode and its data; st_nlink counts the names (and, for directories,
// "." and the ".." of each subdirectory).
// expect-exit: 0
// expect-stdout: hard links ok
// expect-stdout: link errors ok
// expect-stdout: directory nlink ok
#include "check.h"

static nlink_t nlink(const char *path) {
    struct stat st;
    CHECK(stat(path, &st) == 0);
    return st.st_nlink;
}

int main(void) {
    struct stat a, b;

    write_file("a", "shared");
    CHECK_EQ(nlink("a"), 1);
    CHECK(link("a", "b") == 0);
    CHECK_EQ(nlink("a"), 2);
    CHECK_EQ(nlink("b"), 2);
    CHECK(mkdir("sub", 0755) == 0);
    CHECK(link("b", "sub/c") == 0);
    CHECK_EQ(nlink("a"), 3);
    CHECK(stat("a", &a) == 0);
    CHECK(stat("sub/c", &b) == 0);
    CHECK_EQ(a.st_ino, b.st_ino);

    // Data written through one name is read through another, also through an open descriptor.
    int fd = open("b", O_WRONLY | O_APPEND);
    CHECK(fd >= 0);
    CHECK(write(fd, "+more", 5) == 5);
    CHECK(fstat(fd, &b) == 0);
    CHECK_EQ(b.st_nlink, 3);
    CHECK_STR(read_file("sub/c"), "shared+more");

    CHECK(unlink("a") == 0);
    CHECK_EQ(nlink("b"), 2);
    CHECK(fstat(fd, &b) == 0);
    CHECK_EQ(b.st_nlink, 2);
    CHECK(unlink("b") == 0);
    CHECK(unlink("sub/c") == 0);
    CHECK(fstat(fd, &b) == 0); // the open file outlives its last name
    CHECK_EQ(b.st_nlink, 0);
    CHECK_EQ(b.st_size, 11);
    CHECK(close(fd) == 0);
    puts("hard links ok");

    write_file("x", "x");
    write_file("y", "y");
    CHECK_ERRNO(link("x", "y"), EEXIST);
    CHECK_ERRNO(link("missing", "z"), ENOENT);
    CHECK_ERRNO(link("sub", "sublink"), EPERM); // no hard links to directories
    CHECK_ERRNO(link("x", "nodir/x"), ENOENT);
    CHECK_STR(read_file("y"), "y");
    puts("link errors ok");

    CHECK(mkdir("d", 0755) == 0);
    CHECK_EQ(nlink("d"), 2); // its name and its "."
    CHECK(mkdir("d/e", 0755) == 0);
    CHECK_EQ(nlink("d"), 3); // plus e's ".."
    CHECK_EQ(nlink("d/e"), 2);
    write_file("d/file", "f"); // files do not count
    CHECK_EQ(nlink("d"), 3);
    CHECK(rmdir("d/e") == 0);
    CHECK_EQ(nlink("d"), 2);
    puts("directory nlink ok");
    return 0;
}
