// A read-only mount (here /ro, made read-only by the host) can be read and listed, and every change
// to it fails with EROFS, as on a filesystem mounted read-only; the rest stays writable.
// readonly: /ro/data.txt fixed content
// expect-exit: 0
// expect-stdout: read ok
// expect-stdout: changes refused ok
// expect-stdout: outside writable ok
#include "check.h"

#include <dirent.h>
#include <sys/time.h>

int main(void) {
    CHECK_STR(read_file("/ro/data.txt"), "fixed content");
    DIR *dir = opendir("/ro");
    CHECK(dir != NULL);
    CHECK(closedir(dir) == 0);
    int fd = open("/ro/data.txt", O_RDONLY);
    CHECK(fd >= 0);
    CHECK_ERRNO(write(fd, "x", 1), EBADF);
    CHECK(close(fd) == 0);
    puts("read ok");

    CHECK_ERRNO(open("/ro/data.txt", O_WRONLY), EROFS);
    CHECK_ERRNO(open("/ro/data.txt", O_RDWR | O_APPEND), EROFS);
    CHECK_ERRNO(open("/ro/data.txt", O_RDONLY | O_TRUNC), EROFS);
    CHECK_ERRNO(open("/ro/new.txt", O_WRONLY | O_CREAT, 0644), EROFS);
    CHECK_ERRNO(mkdir("/ro/sub", 0755), EROFS);
    CHECK_ERRNO(unlink("/ro/data.txt"), EROFS);
    CHECK_ERRNO(rename("/ro/data.txt", "/moved.txt"), EROFS);
    CHECK_ERRNO(symlink("data.txt", "/ro/link"), EROFS);
    CHECK_ERRNO(link("/ro/data.txt", "/ro/hard"), EROFS);
    struct timespec times[2] = {{1, 0}, {2, 0}};
    CHECK_ERRNO(utimensat(AT_FDCWD, "/ro/data.txt", times, 0), EROFS);
    CHECK_STR(read_file("/ro/data.txt"), "fixed content");
    puts("changes refused ok");

    write_file("/outside.txt", "free");
    CHECK_STR(read_file("/outside.txt"), "free");
    CHECK_ERRNO(rename("/outside.txt", "/ro/outside.txt"), EROFS);
    CHECK_ERRNO(link("/ro/data.txt", "/hard-outside"), EROFS);
    puts("outside writable ok");
    return 0;
}
