// posix_fallocate(3) grows a file to cover the range, with zeros, and never shrinks it.
// (It returns the error number itself instead of setting errno.)
// expect-exit: 0
// expect-stdout: posix_fallocate grows ok
// expect-stdout: posix_fallocate keeps ok
// expect-stdout: posix_fallocate errors ok
#include "check.h"

static off_t size_of(int fd) {
    struct stat st;
    CHECK(fstat(fd, &st) == 0);
    return st.st_size;
}

int main(void) {
    char buf[8];

    write_file("f", "abc");
    int fd = open("f", O_RDWR);
    CHECK(fd >= 0);
    CHECK_EQ(posix_fallocate(fd, 0, 100), 0);
    CHECK_EQ(size_of(fd), 100);
    CHECK_EQ(posix_fallocate(fd, 150, 50), 0); // offset + len
    CHECK_EQ(size_of(fd), 200);
    CHECK_EQ(pread(fd, buf, 5, 0), 5);
    CHECK(memcmp(buf, "abc\0\0", 5) == 0);
    CHECK_EQ(pread(fd, buf, 4, 196), 4);
    CHECK(memcmp(buf, "\0\0\0\0", 4) == 0);
    CHECK_EQ(lseek(fd, 0, SEEK_CUR), 0); // the position does not move
    puts("posix_fallocate grows ok");

    CHECK_EQ(posix_fallocate(fd, 10, 20), 0); // inside: nothing changes
    CHECK_EQ(size_of(fd), 200);
    CHECK_EQ(pread(fd, buf, 3, 0), 3);
    CHECK(memcmp(buf, "abc", 3) == 0);
    puts("posix_fallocate keeps ok");

    CHECK_EQ(posix_fallocate(fd, 0, 0), EINVAL);
    CHECK_EQ(posix_fallocate(fd, -1, 10), EINVAL);
    CHECK(close(fd) == 0);
    int rd = open("f", O_RDONLY);
    CHECK(rd >= 0);
    CHECK_EQ(posix_fallocate(rd, 0, 1000), EBADF);
    CHECK_EQ(size_of(rd), 200);
    CHECK(close(rd) == 0);
    CHECK_EQ(posix_fallocate(99, 0, 10), EBADF);
    puts("posix_fallocate errors ok");
    return 0;
}
