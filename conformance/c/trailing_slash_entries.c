// Operations on a name itself (rmdir, unlink, rename, mkdir, symlink, link's new name) do not follow a
// symlink in last place, even before a trailing slash, as on Linux: removing or renaming "link/" is
// ENOTDIR and leaves the directory it points at alone; creating at "link/" or "file/" is EEXIST, and
// mkdir through a dangling link makes nothing. open(2) still follows: "dirlink/" opens the directory.
// expect-exit: 0
// expect-stdout: remove through link refused ok
// expect-stdout: rename through link refused ok
// expect-stdout: create over existing names ok
// expect-stdout: open follows ok
#include "check.h"

int main(void) {
    struct stat st;
    CHECK(mkdir("dir", 0755) == 0);
    write_file("dir/kept", "kept");
    write_file("file", "file");
    CHECK(symlink("dir", "dirlink") == 0);
    CHECK(symlink("file", "filelink") == 0);
    CHECK(symlink("nowhere", "dangling") == 0);

    CHECK(mkdir("emptydir", 0755) == 0);
    CHECK(symlink("emptydir", "emptylink") == 0);
    CHECK_ERRNO(rmdir("emptylink/"), ENOTDIR);
    CHECK(stat("emptydir", &st) == 0 && S_ISDIR(st.st_mode)); // the target was not removed
    CHECK_ERRNO(rmdir("emptylink"), ENOTDIR);
    CHECK_ERRNO(rmdir("dangling/"), ENOTDIR);
    CHECK_ERRNO(unlink("emptylink/"), ENOTDIR);
    CHECK_ERRNO(unlink("dangling/"), ENOTDIR);
    CHECK_ERRNO(unlink("file/"), ENOTDIR);
    CHECK_ERRNO(unlink("dir/"), EISDIR);
    CHECK(lstat("emptylink", &st) == 0 && S_ISLNK(st.st_mode));
    CHECK(lstat("dangling", &st) == 0 && S_ISLNK(st.st_mode));
    puts("remove through link refused ok");

    CHECK_ERRNO(rename("dirlink/", "moved"), ENOTDIR);
    CHECK_ERRNO(rename("dangling/", "moved"), ENOTDIR);
    CHECK_ERRNO(rename("emptydir", "dirlink/"), ENOTDIR);
    CHECK_ERRNO(rename("filelink", "dirlink/"), ENOTDIR);
    CHECK_ERRNO(rename("file", "dir/"), ENOTDIR); // a file cannot take a directory's name with a slash
    CHECK_ERRNO(rename("absent", "dirlink/"), ENOENT);
    CHECK_STR(read_file("dir/kept"), "kept");
    CHECK(lstat("dirlink", &st) == 0 && S_ISLNK(st.st_mode));
    CHECK(rename("emptydir/", "renamed/") == 0); // a real directory may carry the slash on both sides
    CHECK(rename("renamed", "emptydir/") == 0);
    puts("rename through link refused ok");

    CHECK_ERRNO(mkdir("dangling/", 0755), EEXIST);
    CHECK_ERRNO(stat("nowhere", &st), ENOENT); // nothing was made where it points
    CHECK_ERRNO(mkdir("dirlink/", 0755), EEXIST);
    CHECK_ERRNO(mkdir("file/", 0755), EEXIST);
    CHECK_ERRNO(symlink("x", "file/"), EEXIST);
    CHECK_ERRNO(symlink("x", "dirlink/"), EEXIST);
    CHECK_ERRNO(link("file", "file/"), EEXIST);
    CHECK_ERRNO(link("file", "dangling/"), EEXIST);
    CHECK_ERRNO(symlink("x", "new/"), ENOENT);
    CHECK_ERRNO(link("file", "new/"), ENOENT);
    CHECK(mkdir("newdir/", 0755) == 0);
    puts("create over existing names ok");

    int fd = open("dirlink/", O_RDONLY | O_DIRECTORY);
    CHECK(fd >= 0);
    CHECK(fstat(fd, &st) == 0 && S_ISDIR(st.st_mode));
    CHECK(close(fd) == 0);
    CHECK(lstat("dirlink/", &st) == 0 && S_ISDIR(st.st_mode)); // a slash makes even lstat follow
    CHECK_ERRNO(open("dirlink", O_RDONLY | O_NOFOLLOW | O_DIRECTORY), ENOTDIR);
    CHECK_ERRNO(open("filelink", O_RDONLY | O_NOFOLLOW), ELOOP);
    CHECK_ERRNO(open("dir", O_RDONLY | O_CREAT, 0644), EISDIR);
    puts("open follows ok");
    return 0;
}
