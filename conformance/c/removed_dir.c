// A descriptor of a directory whose name is gone (rmdir, or a rename over it) still stats, with no
// links, and lists no entries, but nothing can be made in it, as on Linux. A directory that only moved
// keeps working through the same descriptor.
// expect-exit: 0
// expect-stdout: removed dir stats ok
// expect-stdout: nothing made in removed dir ok
// expect-stdout: renamed-over dir ok
// expect-stdout: moved dir ok
#include "check.h"
#include <dirent.h>

int main(void) {
    struct stat st;

    CHECK(mkdir("gone", 0755) == 0);
    int gone = open("gone", O_RDONLY | O_DIRECTORY);
    CHECK(gone >= 0);
    CHECK(rmdir("gone") == 0);
    CHECK(fstat(gone, &st) == 0);
    CHECK(S_ISDIR(st.st_mode));
    CHECK_EQ(st.st_nlink, 0);
    int self = openat(gone, ".", O_RDONLY | O_DIRECTORY);
    CHECK(self >= 0);
    DIR *listing = fdopendir(self);
    CHECK(listing != NULL);
    errno = 0;
    CHECK(readdir(listing) == NULL && errno == 0); // nothing listed, not even "." and ".."
    CHECK(closedir(listing) == 0);
    puts("removed dir stats ok");

    write_file("file", "content");
    CHECK_ERRNO(openat(gone, "new", O_WRONLY | O_CREAT, 0644), ENOENT);
    CHECK_ERRNO(mkdirat(gone, "sub", 0755), ENOENT);
    CHECK_ERRNO(symlinkat("file", gone, "link"), ENOENT);
    CHECK_ERRNO(linkat(AT_FDCWD, "file", gone, "hard", 0), ENOENT);
    CHECK_ERRNO(renameat(AT_FDCWD, "file", gone, "moved"), ENOENT);
    CHECK_STR(read_file("file"), "content"); // the refused rename left it in place
    CHECK(close(gone) == 0);
    puts("nothing made in removed dir ok");

    CHECK(mkdir("a", 0755) == 0);
    CHECK(mkdir("b", 0755) == 0);
    int b = open("b", O_RDONLY | O_DIRECTORY);
    CHECK(b >= 0);
    CHECK(rename("a", "b") == 0); // b's old directory loses its name
    CHECK(fstat(b, &st) == 0);
    CHECK_EQ(st.st_nlink, 0);
    CHECK_ERRNO(openat(b, "x", O_WRONLY | O_CREAT, 0644), ENOENT);
    CHECK_ERRNO(stat("b/x", &st), ENOENT);
    CHECK(close(b) == 0);
    puts("renamed-over dir ok");

    CHECK(mkdir("m", 0755) == 0);
    int m = open("m", O_RDONLY | O_DIRECTORY);
    CHECK(m >= 0);
    CHECK(rename("m", "m2") == 0);
    CHECK(fstat(m, &st) == 0);
    CHECK_EQ(st.st_nlink, 2);
    int made = openat(m, "f", O_WRONLY | O_CREAT, 0644);
    CHECK(made >= 0);
    CHECK(close(made) == 0);
    CHECK(stat("m2/f", &st) == 0);
    CHECK(close(m) == 0);
    puts("moved dir ok");
    return 0;
}
