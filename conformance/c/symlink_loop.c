// ELOOP: a chain of 40 symlinks resolves (Linux follows up to 40), 41 do not; a link to itself
// never resolves; O_NOFOLLOW refuses a final symlink.
// expect-exit: 0
// expect-stdout: chain of 40 ok
// expect-stdout: chain of 41 ok
// expect-stdout: self loop ok
// expect-stdout: nofollow ok
#include "check.h"

int main(void) {
    char from[16], to[16];
    struct stat st;

    // link0 -> link1 -> ... -> link40 -> file: opening linkN follows 41 - N links.
    write_file("file", "end");
    CHECK(symlink("file", "link40") == 0);
    for (int i = 39; i >= 0; i--) {
        snprintf(from, sizeof from, "link%d", i);
        snprintf(to, sizeof to, "link%d", i + 1);
        CHECK(symlink(to, from) == 0);
    }
    CHECK(stat("link1", &st) == 0);
    CHECK(S_ISREG(st.st_mode));
    CHECK_STR(read_file("link1"), "end");
    puts("chain of 40 ok");

    CHECK_ERRNO(stat("link0", &st), ELOOP);
    CHECK_ERRNO(open("link0", O_RDONLY), ELOOP);
    CHECK(lstat("link0", &st) == 0); // the link itself is fine
    CHECK(S_ISLNK(st.st_mode));
    puts("chain of 41 ok");

    CHECK(symlink("self", "self") == 0);
    CHECK_ERRNO(stat("self", &st), ELOOP);
    CHECK_ERRNO(open("self", O_RDONLY), ELOOP);
    CHECK_ERRNO(open("self", O_WRONLY | O_CREAT, 0644), ELOOP);
    CHECK_ERRNO(stat("self/x", &st), ELOOP);
    CHECK(symlink("pong", "ping") == 0);
    CHECK(symlink("ping", "pong") == 0);
    CHECK_ERRNO(stat("ping", &st), ELOOP);
    CHECK(lstat("self", &st) == 0);
    CHECK(S_ISLNK(st.st_mode));
    puts("self loop ok");

    CHECK(symlink("file", "plain") == 0);
    CHECK_ERRNO(open("plain", O_RDONLY | O_NOFOLLOW), ELOOP);
    int fd = open("file", O_RDONLY | O_NOFOLLOW); // only the last component matters
    CHECK(fd >= 0);
    CHECK(close(fd) == 0);
    puts("nofollow ok");
    return 0;
}
