// open(2) flags: O_APPEND writes at the end whatever the offset, O_TRUNC empties, O_CREAT|O_EXCL
// refuses an existing name (EEXIST), O_DIRECTORY refuses a file (ENOTDIR).
// expect-exit: 0
// expect-stdout: O_APPEND ok
// expect-stdout: O_TRUNC ok
// expect-stdout: O_CREAT O_EXCL ok
// expect-stdout: O_DIRECTORY ok
#include "check.h"

int main(void) {
    struct stat st;

    write_file("log", "abc");
    int fd = open("log", O_RDWR | O_APPEND);
    CHECK(fd >= 0);
    CHECK_EQ(lseek(fd, 0, SEEK_CUR), 0);
    CHECK_EQ(lseek(fd, 1, SEEK_SET), 1);
    CHECK_EQ(write(fd, "def", 3), 3);
    CHECK_EQ(lseek(fd, 0, SEEK_CUR), 6); // left at the new end
    CHECK_STR(read_file("log"), "abcdef");
    int other = open("log", O_WRONLY); // another writer extends the file...
    CHECK(other >= 0);
    CHECK_EQ(lseek(other, 0, SEEK_END), 6);
    CHECK_EQ(write(other, "ghi", 3), 3);
    CHECK(close(other) == 0);
    CHECK_EQ(write(fd, "jkl", 3), 3); // ...and the appender still lands after it
    CHECK_STR(read_file("log"), "abcdefghijkl");
    char buf[4] = {0};
    CHECK_EQ(lseek(fd, 0, SEEK_SET), 0); // reads are not affected
    CHECK_EQ(read(fd, buf, 3), 3);
    CHECK_STR(buf, "abc");
    CHECK(close(fd) == 0);
    puts("O_APPEND ok");

    fd = open("log", O_WRONLY | O_TRUNC);
    CHECK(fd >= 0);
    CHECK(fstat(fd, &st) == 0);
    CHECK_EQ(st.st_size, 0);
    CHECK_EQ(write(fd, "xy", 2), 2);
    CHECK(close(fd) == 0);
    CHECK_STR(read_file("log"), "xy");
    fd = open("log", O_RDWR | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0);
    CHECK(fstat(fd, &st) == 0);
    CHECK_EQ(st.st_size, 0);
    CHECK(close(fd) == 0);
    write_file("keep", "kept");
    fd = open("keep", O_RDWR | O_CREAT, 0644); // O_CREAT alone keeps an existing file
    CHECK(fd >= 0);
    CHECK(close(fd) == 0);
    CHECK_STR(read_file("keep"), "kept");
    puts("O_TRUNC ok");

    fd = open("fresh", O_WRONLY | O_CREAT | O_EXCL, 0644);
    CHECK(fd >= 0);
    CHECK(close(fd) == 0);
    CHECK_ERRNO(open("fresh", O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST);
    CHECK_ERRNO(open("keep", O_RDONLY | O_CREAT | O_EXCL, 0644), EEXIST);
    CHECK(mkdir("dir", 0755) == 0);
    CHECK_ERRNO(open("dir", O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST);
    CHECK_STR(read_file("keep"), "kept");
    CHECK_ERRNO(open("missing", O_RDONLY), ENOENT);
    CHECK_ERRNO(open("nodir/new", O_WRONLY | O_CREAT, 0644), ENOENT);
    puts("O_CREAT O_EXCL ok");

    CHECK_ERRNO(open("keep", O_RDONLY | O_DIRECTORY), ENOTDIR);
    CHECK_ERRNO(open("keep/", O_RDONLY), ENOTDIR);
    CHECK_ERRNO(open("dir", O_WRONLY), EISDIR);
    fd = open("dir", O_RDONLY | O_DIRECTORY);
    CHECK(fd >= 0);
    CHECK(fstat(fd, &st) == 0);
    CHECK(S_ISDIR(st.st_mode));
    CHECK(close(fd) == 0);
    CHECK(symlink("dir", "dirlink") == 0);
    fd = open("dirlink", O_RDONLY | O_DIRECTORY);
    CHECK(fd >= 0);
    CHECK(close(fd) == 0);
    puts("O_DIRECTORY ok");
    return 0;
}
