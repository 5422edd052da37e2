// A dangling symlink: it exists for lstat/readlink/unlink, not for stat/open; O_CREAT through it
// creates its target, but O_CREAT|O_EXCL fails with EEXIST (the name is taken by the link).
// expect-exit: 0
// expect-stdout: dangling ok
// expect-stdout: create through dangling ok
// expect-stdout: exclusive create on link ok
#include "check.h"

int main(void) {
    char buf[32];
    struct stat st;

    CHECK(symlink("nowhere", "dangling") == 0);
    CHECK_ERRNO(stat("dangling", &st), ENOENT);
    CHECK_ERRNO(open("dangling", O_RDONLY), ENOENT);
    CHECK(lstat("dangling", &st) == 0);
    CHECK(S_ISLNK(st.st_mode));
    CHECK_EQ(readlink("dangling", buf, sizeof buf), 7);
    CHECK(memcmp(buf, "nowhere", 7) == 0);
    CHECK_ERRNO(access("dangling", F_OK), ENOENT);
    CHECK(symlink("gone", "doomed") == 0);
    CHECK(unlink("doomed") == 0);
    CHECK_ERRNO(lstat("doomed", &st), ENOENT);
    puts("dangling ok");

    int fd = open("dangling", O_WRONLY | O_CREAT, 0644);
    CHECK(fd >= 0);
    CHECK(write(fd, "made", 4) == 4);
    CHECK(close(fd) == 0);
    CHECK(stat("nowhere", &st) == 0);
    CHECK(S_ISREG(st.st_mode));
    CHECK_STR(read_file("dangling"), "made");
    CHECK(lstat("dangling", &st) == 0);
    CHECK(S_ISLNK(st.st_mode)); // still a link
    puts("create through dangling ok");

    CHECK(symlink("absent", "excl") == 0);
    CHECK_ERRNO(open("excl", O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST);
    CHECK_ERRNO(stat("absent", &st), ENOENT); // nothing was created
    CHECK_ERRNO(open("dangling", O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST); // link to a file too
    puts("exclusive create on link ok");
    return 0;
}
