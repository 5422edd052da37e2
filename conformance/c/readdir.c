// opendir/readdir/closedir: every entry once, "." and ".." included, with the right d_type and
// d_ino; rewinddir starts over; opendir on a file fails with ENOTDIR.
// expect-exit: 0
// expect-stdout: readdir ok
// expect-stdout: rewinddir ok
// expect-stdout: empty dir ok
#include "check.h"

#include <dirent.h>

static const char *names[] = {".", "..", "file", "sub", "link"};
enum { N = sizeof names / sizeof names[0] };

/* Reads the whole directory; fails on unknown or repeated names or missing ones. */
static void list(DIR *dir) {
    int seen[N] = {0};
    struct dirent *e;
    errno = 0;
    while ((e = readdir(dir)) != NULL) {
        int i = 0;
        while (i < N && strcmp(e->d_name, names[i]) != 0) {
            i++;
        }
        if (i == N) {
            printf("FAIL unexpected entry \"%s\"\n", e->d_name);
            exit(1);
        }
        CHECK(seen[i]++ == 0);
        struct stat st;
        CHECK(lstat(e->d_name, &st) == 0);
        CHECK_EQ(e->d_ino, st.st_ino);
        unsigned char want = i < 2 || i == 3 ? DT_DIR : i == 2 ? DT_REG : DT_LNK;
        CHECK_EQ(e->d_type, want);
        errno = 0;
    }
    CHECK(errno == 0);
    for (int i = 0; i < N; i++) {
        if (!seen[i]) {
            printf("FAIL entry \"%s\" missing\n", names[i]);
            exit(1);
        }
    }
}

int main(void) {
    CHECK(mkdir("dir", 0755) == 0);
    CHECK(chdir("dir") == 0);
    write_file("file", "f");
    CHECK(mkdir("sub", 0755) == 0);
    CHECK(symlink("file", "link") == 0);

    DIR *dir = opendir(".");
    CHECK(dir != NULL);
    list(dir);
    CHECK(readdir(dir) == NULL); // stays at the end
    puts("readdir ok");

    rewinddir(dir);
    list(dir);
    CHECK(closedir(dir) == 0);
    puts("rewinddir ok");

    dir = opendir("sub");
    CHECK(dir != NULL);
    int count = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        CHECK(strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0);
        count++;
    }
    CHECK_EQ(count, 2);
    CHECK(closedir(dir) == 0);
    errno = 0;
    CHECK(opendir("file") == NULL && errno == ENOTDIR);
    errno = 0;
    CHECK(opendir("missing") == NULL && errno == ENOENT);
    puts("empty dir ok");
    return 0;
}
