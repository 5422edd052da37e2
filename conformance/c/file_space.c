// A full file space: a write that does not fit fails with ENOSPC and writes nothing, what was written
// before stays, and removing a file gives its space back. (The runtime's limit is set to 256 KiB here.)
// file-space: 262144
// expect-exit: 0
// expect-stdout: full ok
// expect-stdout: freed ok
#include "check.h"

enum { CHUNK = 16384 };
static char chunk[CHUNK];

/* Appends chunks to path until a write fails; returns how many fitted, with errno from the failure. */
static int fill(const char *path) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0);
    int written = 0;
    while (write(fd, chunk, CHUNK) == CHUNK) {
        written++;
        CHECK(written < 1000);
    }
    int saved = errno;
    close(fd);
    errno = saved;
    return written;
}

int main(void) {
    memset(chunk, 'x', CHUNK);
    errno = 0;
    int first = fill("first");
    CHECK_EQ(errno, ENOSPC);
    CHECK(first >= 1 && (long)first * CHUNK <= 262144);
    struct stat st;
    CHECK(stat("first", &st) == 0);
    CHECK_EQ(st.st_size, (long)first * CHUNK); // the failed write left nothing behind
    CHECK_ERRNO(ftruncate(open("other", O_WRONLY | O_CREAT, 0644), 262144), ENOSPC);
    puts("full ok");

    CHECK(unlink("first") == 0);
    errno = 0;
    int second = fill("second");
    CHECK_EQ(errno, ENOSPC);
    CHECK_EQ(second, first);
    puts("freed ok");
    return 0;
}
