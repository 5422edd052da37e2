// Guest pointers above 2 GiB are ordinary unsigned addresses: paths, buffers, iovec arrays and result
// slots there work like any other, and the end of a memory larger than 2 GiB is still checked (EFAULT
// one byte past it). JavaScript sees such an i32 as negative, which typed arrays would read from their end.
// One buffer may even be longer than 2 GiB: a read moves what the file holds, a write of it runs into the
// file space limit (1 GiB) and changes nothing.
// browser-only: Chicory's memory is indexed by int, so it cannot grow past 2 GiB
// expect-exit: 0
// expect-stdout: grown past 2 GiB ok
// expect-stdout: high path and buffers ok
// expect-stdout: high result slots ok
// expect-stdout: high end checked ok
// expect-stdout: buffer over 2 GiB ok
#include "check.h"
#include <stdint.h>
#include <sys/uio.h>
#include <wasi/api.h>

#define PAGE 65536u
#define HIGH 0x80001000u /* 2 GiB + 4 KiB */
#define LOW 0x10000000u  /* 256 MiB: a 3 GiB buffer from here ends at 3.25 GiB */
#define HUGE 0xC0000000u /* 3 GiB */

int main(void) {
    size_t pages = __builtin_wasm_memory_size(0);
    size_t wanted = (LOW + HUGE + 1024 * 1024) / PAGE; /* a MiB above the huge buffer's end */
    CHECK(__builtin_wasm_memory_grow(0, wanted - pages) != (size_t)-1);
    uint32_t end = (uint32_t)(__builtin_wasm_memory_size(0) * PAGE);
    CHECK(end > HIGH);
    /* the region past the old end is this program's alone: malloc's sbrk grows beyond it */
    char *high = (char *)(uintptr_t)HIGH;
    puts("grown past 2 GiB ok");

    char *path = high;
    strcpy(path, "high.txt");
    char *data = high + 256;
    strcpy(data, "written from above 2 GiB");
    struct iovec *iov = (struct iovec *)(high + 512);
    iov[0].iov_base = data;
    iov[0].iov_len = 12;
    iov[1].iov_base = data + 12;
    iov[1].iov_len = strlen(data) - 12;
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0);
    CHECK_EQ(writev(fd, iov, 2), strlen(data));
    char *back = high + 1024;
    memset(back, 0, 64);
    CHECK_EQ(pread(fd, back, 63, 0), strlen(data));
    CHECK_STR(back, data);
    CHECK_STR(read_file("high.txt"), data);
    puts("high path and buffers ok");

    __wasi_filestat_t *stat = (__wasi_filestat_t *)(high + 2048);
    CHECK_EQ(__wasi_fd_filestat_get(fd, stat), 0);
    CHECK_EQ(stat->size, strlen(data));
    __wasi_size_t *written = (__wasi_size_t *)(high + 3072);
    __wasi_ciovec_t *ciov = (__wasi_ciovec_t *)(high + 3088);
    ciov->buf = (const uint8_t *)data;
    ciov->buf_len = 4;
    CHECK_EQ(__wasi_fd_write(fd, ciov, 1, written), 0);
    CHECK_EQ(*written, 4);
    __wasi_timestamp_t *now = (__wasi_timestamp_t *)(high + 3200);
    *now = 0;
    CHECK_EQ(__wasi_clock_time_get(__WASI_CLOCKID_REALTIME, 1, now), 0);
    CHECK(*now > 1500000000ull * 1000000000ull);
    CHECK(close(fd) == 0);
    puts("high result slots ok");

    fd = open("high.txt", O_RDONLY);
    CHECK(fd >= 0);
    CHECK_EQ(__wasi_fd_filestat_get(fd, (__wasi_filestat_t *)(uintptr_t)(end - 8)), __WASI_ERRNO_FAULT);
    CHECK_EQ(__wasi_clock_time_get(__WASI_CLOCKID_REALTIME, 1, (__wasi_timestamp_t *)(uintptr_t)(end - 7)),
             __WASI_ERRNO_FAULT);
    CHECK_EQ(__wasi_clock_time_get(__WASI_CLOCKID_REALTIME, 1, (__wasi_timestamp_t *)(uintptr_t)(end - 8)), 0);
    char *last = (char *)(uintptr_t)(end - 4);
    CHECK_EQ(__wasi_fd_read(fd, &(__wasi_iovec_t){(uint8_t *)last, 5}, 1, written), __WASI_ERRNO_FAULT);
    CHECK_EQ(__wasi_fd_read(fd, &(__wasi_iovec_t){(uint8_t *)last, 4}, 1, written), 0);
    CHECK_EQ(*written, 4);
    CHECK(memcmp(last, "writ", 4) == 0);
    CHECK(close(fd) == 0);
    puts("high end checked ok");

    fd = open("high.txt", O_RDWR);
    CHECK(fd >= 0);
    size_t length = strlen(data) + 4;
    uint8_t *low = (uint8_t *)(uintptr_t)LOW;
    CHECK_EQ(__wasi_fd_read(fd, &(__wasi_iovec_t){low, HUGE}, 1, written), 0);
    CHECK_EQ(*written, length);
    CHECK(memcmp(low, data, strlen(data)) == 0);
    CHECK_EQ(__wasi_fd_write(fd, &(__wasi_ciovec_t){low, HUGE}, 1, written), __WASI_ERRNO_NOSPC);
    struct stat st;
    CHECK(fstat(fd, &st) == 0);
    CHECK_EQ(st.st_size, length);
    CHECK(close(fd) == 0);
    puts("buffer over 2 GiB ok");
    return 0;
}
