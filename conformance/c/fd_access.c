// Access modes are enforced per descriptor: write(2) on an O_RDONLY descriptor and read(2) on an
// O_WRONLY one fail with EBADF, as does any use of a closed descriptor.
// expect-exit: 0
// expect-stdout: read-only fd ok
// expect-stdout: write-only fd ok
// expect-stdout: closed fd ok
#include "check.h"

int main(void) {
    char buf[8];

    write_file("f", "data");
    int rd = open("f", O_RDONLY);
    CHECK(rd >= 0);
    CHECK_ERRNO(write(rd, "x", 1), EBADF);
    CHECK_ERRNO(pwrite(rd, "x", 1, 0), EBADF);
    CHECK_EQ(read(rd, buf, 4), 4);
    CHECK_STR(read_file("f"), "data");
    CHECK(close(rd) == 0);
    puts("read-only fd ok");

    int wr = open("f", O_WRONLY);
    CHECK(wr >= 0);
    CHECK_ERRNO(read(wr, buf, sizeof buf), EBADF);
    CHECK_ERRNO(pread(wr, buf, sizeof buf, 0), EBADF);
    CHECK_EQ(write(wr, "DA", 2), 2);
    CHECK(close(wr) == 0);
    CHECK_STR(read_file("f"), "DAta");
    puts("write-only fd ok");

    CHECK_ERRNO(read(wr, buf, 1), EBADF);
    CHECK_ERRNO(write(wr, "x", 1), EBADF);
    CHECK_ERRNO(close(wr), EBADF);
    CHECK_ERRNO(lseek(wr, 0, SEEK_SET), EBADF);
    puts("closed fd ok");
    return 0;
}
