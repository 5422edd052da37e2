// pread(2)/pwrite(2) use their own offset and leave the descriptor's position (lseek(fd, 0,
// SEEK_CUR)) unchanged; pwrite past the end fills the gap with zeros, pread past it reads 0 bytes.
// expect-exit: 0
// expect-stdout: pread ok
// expect-stdout: pwrite ok
// expect-stdout: pipes refuse offsets ok
#include "check.h"

int main(void) {
    char buf[16];

    write_file("f", "0123456789");
    int fd = open("f", O_RDWR);
    CHECK(fd >= 0);
    CHECK_EQ(lseek(fd, 3, SEEK_SET), 3);
    CHECK_EQ(pread(fd, buf, 4, 5), 4);
    CHECK(memcmp(buf, "5678", 4) == 0);
    CHECK_EQ(lseek(fd, 0, SEEK_CUR), 3);
    CHECK_EQ(pread(fd, buf, sizeof buf, 8), 2); // short at the end
    CHECK_EQ(pread(fd, buf, sizeof buf, 10), 0);
    CHECK_EQ(pread(fd, buf, sizeof buf, 1000), 0);
    CHECK_EQ(lseek(fd, 0, SEEK_CUR), 3);
    CHECK_EQ(read(fd, buf, 2), 2); // the position was kept for plain reads
    CHECK(memcmp(buf, "34", 2) == 0);
    CHECK_ERRNO(pread(fd, buf, 1, -1), EINVAL);
    puts("pread ok");

    CHECK_EQ(lseek(fd, 0, SEEK_CUR), 5);
    CHECK_EQ(pwrite(fd, "ab", 2, 0), 2);
    CHECK_EQ(lseek(fd, 0, SEEK_CUR), 5);
    CHECK_STR(read_file("f"), "ab23456789");
    CHECK_EQ(pwrite(fd, "Z", 1, 12), 1); // past the end
    CHECK_EQ(lseek(fd, 0, SEEK_CUR), 5);
    struct stat st;
    CHECK(fstat(fd, &st) == 0);
    CHECK_EQ(st.st_size, 13);
    CHECK_EQ(pread(fd, buf, 3, 10), 3);
    CHECK(memcmp(buf, "\0\0Z", 3) == 0);
    CHECK_EQ(write(fd, "W", 1), 1); // plain writes still go to the kept position
    CHECK_EQ(lseek(fd, 0, SEEK_CUR), 6);
    CHECK_EQ(pread(fd, buf, 7, 0), 7);
    CHECK(memcmp(buf, "ab234W6", 7) == 0);
    CHECK_ERRNO(pwrite(fd, "x", 1, -1), EINVAL);
    CHECK(close(fd) == 0);
    puts("pwrite ok");

    // The standard streams are streams (like pipes), not seekable files: offsets make no sense.
    CHECK_ERRNO(pread(0, buf, 1, 0), ESPIPE);
    CHECK_ERRNO(lseek(1, 0, SEEK_CUR), ESPIPE);
    puts("pipes refuse offsets ok");
    return 0;
}
