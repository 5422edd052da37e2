// The socket calls on descriptors that are not sockets: ENOTSOCK for an open descriptor, EBADF for
// a number that is not open. Raw WASI calls, so the errno values are WASI's own.
// expect-exit: 0
// expect-stdout: sock_shutdown ok
// expect-stdout: sock_recv sock_send ok
// expect-stdout: sock_accept ok
// expect-stdout: shutdown ok
#include "check.h"

#include <sys/socket.h>
#include <wasi/api.h>

#define CHECK_WASI(call, want)                                                           \
    do {                                                                                 \
        __wasi_errno_t got_ = (call);                                                    \
        if (got_ != (want)) {                                                            \
            printf("FAIL %s:%d: %s: expected %s (%d), got %d\n", __FILE__, __LINE__,     \
                   #call, #want, (want), got_);                                          \
            exit(1);                                                                     \
        }                                                                                \
    } while (0)

int main(void) {
    CHECK_WASI(__wasi_sock_shutdown(1, __WASI_SDFLAGS_RD), __WASI_ERRNO_NOTSOCK);
    CHECK_WASI(__wasi_sock_shutdown(1, __WASI_SDFLAGS_RD | __WASI_SDFLAGS_WR), __WASI_ERRNO_NOTSOCK);
    CHECK_WASI(__wasi_sock_shutdown(3, __WASI_SDFLAGS_WR), __WASI_ERRNO_NOTSOCK); // the preopen
    CHECK_WASI(__wasi_sock_shutdown(99, __WASI_SDFLAGS_RD), __WASI_ERRNO_BADF);
    puts("sock_shutdown ok");

    char data[4];
    __wasi_iovec_t in = {(uint8_t *)data, sizeof data};
    __wasi_ciovec_t out = {(const uint8_t *)"hi", 2};
    __wasi_size_t n;
    __wasi_roflags_t roflags;
    CHECK_WASI(__wasi_sock_recv(0, &in, 1, 0, &n, &roflags), __WASI_ERRNO_NOTSOCK);
    CHECK_WASI(__wasi_sock_recv(99, &in, 1, 0, &n, &roflags), __WASI_ERRNO_BADF);
    CHECK_WASI(__wasi_sock_send(1, &out, 1, 0, &n), __WASI_ERRNO_NOTSOCK);
    CHECK_WASI(__wasi_sock_send(99, &out, 1, 0, &n), __WASI_ERRNO_BADF);
    puts("sock_recv sock_send ok");

    __wasi_fd_t fd;
    CHECK_WASI(__wasi_sock_accept(3, 0, &fd), __WASI_ERRNO_NOTSOCK);
    CHECK_WASI(__wasi_sock_accept(99, 0, &fd), __WASI_ERRNO_BADF);
    puts("sock_accept ok");

    CHECK_ERRNO(shutdown(1, SHUT_RD), ENOTSOCK);
    CHECK_ERRNO(shutdown(99, SHUT_RDWR), EBADF);
    puts("shutdown ok");
    return 0;
}
