// st_ino: every file, directory and symlink has its own inode number; a hard link shares it; it is
// stable across stat, lstat and fstat, and across a rename.
// expect-exit: 0
// expect-stdout: distinct inodes ok
// expect-stdout: stable inodes ok
#include "check.h"

static ino_t ino(const char *path) {
    struct stat st;
    CHECK(lstat(path, &st) == 0);
    return st.st_ino;
}

int main(void) {
    static const char *names[] = {"f1", "f2", "f3", "d1", "d2", "d1/f4", "l1", "l2", "."};
    enum { N = sizeof names / sizeof names[0] };
    ino_t inos[N];

    write_file("f1", "");
    write_file("f2", "");
    write_file("f3", "");
    CHECK(mkdir("d1", 0755) == 0);
    CHECK(mkdir("d2", 0755) == 0);
    write_file("d1/f4", "");
    CHECK(symlink("f1", "l1") == 0);
    CHECK(symlink("f1", "l2") == 0); // same target, still its own inode
    for (int i = 0; i < N; i++) {
        inos[i] = ino(names[i]);
        CHECK(inos[i] != 0);
        for (int j = 0; j < i; j++) {
            if (inos[i] == inos[j]) {
                printf("FAIL %s and %s share inode %llu\n", names[i], names[j],
                       (unsigned long long)inos[i]);
                return 1;
            }
        }
    }
    // A new file after a removal must not collide with any live inode.
    CHECK(unlink("f3") == 0);
    write_file("f5", "");
    for (int i = 0; i < N; i++) {
        if (strcmp(names[i], "f3") != 0) {
            CHECK(ino("f5") != inos[i]);
        }
    }
    puts("distinct inodes ok");

    struct stat st;
    CHECK(link("f1", "h1") == 0);
    CHECK_EQ(ino("h1"), inos[0]);
    CHECK(stat("l1", &st) == 0);
    CHECK_EQ(st.st_ino, inos[0]);
    int fd = open("f1", O_RDONLY);
    CHECK(fd >= 0);
    CHECK(fstat(fd, &st) == 0);
    CHECK_EQ(st.st_ino, inos[0]);
    CHECK(close(fd) == 0);
    CHECK(rename("f2", "d2/moved") == 0);
    CHECK_EQ(ino("d2/moved"), inos[1]);
    CHECK(rename("d1", "d2/d1") == 0);
    CHECK_EQ(ino("d2/d1"), inos[3]);
    CHECK_EQ(ino("d2/d1/f4"), inos[5]);
    CHECK(stat("d2/d1/..", &st) == 0);
    CHECK_EQ(st.st_ino, inos[4]);
    puts("stable inodes ok");
    return 0;
}
