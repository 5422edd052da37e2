// rename(2) of directories: over an empty directory, never into its own subtree (EINVAL), not onto
// a non-empty directory (ENOTEMPTY) or a file (ENOTDIR); trailing slashes are fine on directories.
// expect-exit: 0
// expect-stdout: rename over empty dir ok
// expect-stdout: rename into own subtree ok
// expect-stdout: rename onto non-empty dir ok
// expect-stdout: rename dir errors ok
#include "check.h"

int main(void) {
    struct stat st, old;

    CHECK(mkdir("a", 0755) == 0);
    write_file("a/file", "content");
    CHECK(mkdir("empty", 0755) == 0);
    CHECK(stat("a", &old) == 0);
    CHECK(rename("a", "empty") == 0);
    CHECK_ERRNO(stat("a", &st), ENOENT);
    CHECK(stat("empty", &st) == 0);
    CHECK_EQ(st.st_ino, old.st_ino);
    CHECK_STR(read_file("empty/file"), "content");
    CHECK(rename("empty/", "b/") == 0); // trailing slashes name directories
    CHECK_STR(read_file("b/file"), "content");
    puts("rename over empty dir ok");

    CHECK(mkdir("b/c", 0755) == 0);
    CHECK(mkdir("b/c/d", 0755) == 0);
    CHECK_ERRNO(rename("b", "b/c/d/e"), EINVAL);
    CHECK_ERRNO(rename("b", "b/inner"), EINVAL);
    CHECK_ERRNO(rename("b/c", "b/c/d"), EINVAL); // onto an existing descendant
    CHECK(stat("b/c/d", &st) == 0);
    CHECK(S_ISDIR(st.st_mode));
    CHECK(rename("b/c/d", "d") == 0); // moving up out of the subtree is fine
    CHECK(stat("d", &st) == 0);
    puts("rename into own subtree ok");

    CHECK(mkdir("full", 0755) == 0);
    write_file("full/x", "x");
    CHECK(mkdir("mover", 0755) == 0);
    CHECK_ERRNO(rename("mover", "full"), ENOTEMPTY);
    CHECK(stat("mover", &st) == 0);
    CHECK_STR(read_file("full/x"), "x");
    puts("rename onto non-empty dir ok");

    write_file("plain", "p");
    CHECK_ERRNO(rename("mover", "plain"), ENOTDIR);
    CHECK_STR(read_file("plain"), "p");
    CHECK_ERRNO(rename("mover", "plain/"), ENOTDIR);
    CHECK(rename("mover", "mover") == 0);
    CHECK(stat("mover", &st) == 0);
    CHECK(S_ISDIR(st.st_mode));
    puts("rename dir errors ok");
    return 0;
}
