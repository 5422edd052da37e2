// fcntl(2): F_SETFL with O_APPEND|O_NONBLOCK is reflected by F_GETFL, along with the access mode,
// and O_APPEND set this way takes effect on the next write.
// expect-exit: 0
// expect-stdout: F_GETFL access mode ok
// expect-stdout: F_SETFL ok
#include "check.h"

int main(void) {
    write_file("f", "12345");
    int rd = open("f", O_RDONLY);
    int wr = open("f", O_WRONLY);
    int rw = open("f", O_RDWR);
    CHECK(rd >= 0 && wr >= 0 && rw >= 0);
    CHECK_EQ(fcntl(rd, F_GETFL) & O_ACCMODE, O_RDONLY);
    CHECK_EQ(fcntl(wr, F_GETFL) & O_ACCMODE, O_WRONLY);
    CHECK_EQ(fcntl(rw, F_GETFL) & O_ACCMODE, O_RDWR);
    CHECK_EQ(fcntl(rw, F_GETFL) & (O_APPEND | O_NONBLOCK), 0);
    CHECK_ERRNO(fcntl(99, F_GETFL), EBADF);
    puts("F_GETFL access mode ok");

    CHECK(fcntl(rw, F_SETFL, O_APPEND | O_NONBLOCK) == 0);
    int flags = fcntl(rw, F_GETFL);
    CHECK(flags != -1);
    CHECK_EQ(flags & (O_APPEND | O_NONBLOCK), O_APPEND | O_NONBLOCK);
    CHECK_EQ(flags & O_ACCMODE, O_RDWR); // unchanged by F_SETFL
    CHECK_EQ(write(rw, "6", 1), 1); // at the end, not at offset 0
    CHECK_STR(read_file("f"), "123456");

    CHECK(fcntl(rw, F_SETFL, O_NONBLOCK) == 0); // clearing O_APPEND
    flags = fcntl(rw, F_GETFL);
    CHECK_EQ(flags & (O_APPEND | O_NONBLOCK), O_NONBLOCK);
    CHECK_EQ(lseek(rw, 0, SEEK_SET), 0);
    CHECK_EQ(write(rw, "A", 1), 1);
    CHECK_STR(read_file("f"), "A23456");
    CHECK(fcntl(rw, F_SETFL, 0) == 0);
    CHECK_EQ(fcntl(rw, F_GETFL) & (O_APPEND | O_NONBLOCK), 0);
    CHECK_EQ(fcntl(rd, F_GETFL) & (O_APPEND | O_NONBLOCK), 0); // other descriptors unaffected
    CHECK(close(rd) == 0 && close(wr) == 0 && close(rw) == 0);
    puts("F_SETFL ok");
    return 0;
}
