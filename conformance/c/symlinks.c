// symlink(2), readlink(2), and stat(2) following a link where lstat(2) does not.
// expect-exit: 0
// expect-stdout: readlink ok
// expect-stdout: stat lstat ok
// expect-stdout: directory symlinks ok
#include "check.h"

#include <sys/stat.h>

int main(void) {
    char buf[64];

    write_file("target", "hello");
    CHECK(symlink("target", "link") == 0);
    CHECK(symlink("no/such/place", "odd") == 0); // targets are not checked or normalized
    CHECK_EQ(readlink("link", buf, sizeof buf), 6);
    CHECK(memcmp(buf, "target", 6) == 0);
    CHECK_EQ(readlink("odd", buf, sizeof buf), 13);
    CHECK(memcmp(buf, "no/such/place", 13) == 0);
    CHECK_EQ(readlink("link", buf, 3), 3); // truncated, without a NUL
    CHECK(memcmp(buf, "tar", 3) == 0);
    CHECK_ERRNO(readlink("target", buf, sizeof buf), EINVAL); // not a symlink
    CHECK_ERRNO(readlink("missing", buf, sizeof buf), ENOENT);
    CHECK_ERRNO(symlink("x", "link"), EEXIST);
    CHECK_ERRNO(symlink("x", "target"), EEXIST);
    puts("readlink ok");

    struct stat file, via_link, of_link, at;
    CHECK(stat("target", &file) == 0);
    CHECK(stat("link", &via_link) == 0);
    CHECK(lstat("link", &of_link) == 0);
    CHECK(S_ISREG(via_link.st_mode));
    CHECK_EQ(via_link.st_ino, file.st_ino);
    CHECK_EQ(via_link.st_size, 5);
    CHECK(S_ISLNK(of_link.st_mode));
    CHECK(of_link.st_ino != file.st_ino);
    CHECK_EQ(of_link.st_size, 6); // the length of the target path
    CHECK(fstatat(AT_FDCWD, "link", &at, AT_SYMLINK_NOFOLLOW) == 0);
    CHECK(S_ISLNK(at.st_mode));
    CHECK(fstatat(AT_FDCWD, "link", &at, 0) == 0);
    CHECK(S_ISREG(at.st_mode));
    CHECK(lstat("target", &at) == 0); // lstat of a non-link is stat
    CHECK(S_ISREG(at.st_mode) && at.st_ino == file.st_ino);
    CHECK_STR(read_file("link"), "hello"); // open follows the link
    puts("stat lstat ok");

    CHECK(mkdir("dir", 0755) == 0);
    write_file("dir/inner", "inside");
    CHECK(symlink("dir", "dirlink") == 0);
    CHECK(symlink("../target", "dir/up") == 0); // relative to the link's own directory
    CHECK_STR(read_file("dirlink/inner"), "inside");
    CHECK_STR(read_file("dirlink/up"), "hello");
    CHECK(lstat("dirlink/", &at) == 0); // a trailing slash follows the link
    CHECK(S_ISDIR(at.st_mode));
    CHECK(lstat("dirlink", &at) == 0);
    CHECK(S_ISLNK(at.st_mode));
    CHECK_ERRNO(stat("link/", &at), ENOTDIR); // through the link to a file
    CHECK(unlink("dirlink") == 0); // removes the link, not the directory
    CHECK(stat("dir/inner", &at) == 0);
    puts("directory symlinks ok");
    return 0;
}
