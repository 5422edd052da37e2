// Copies standard input to standard output in reads of at most 100 bytes, then says how the input
// ended: "eof", or the read's errno. Run with no input here; playwright-tests/wasi-api.spec.mjs gives it
// input through JavaWasi's stdin callback.
// expect-exit: 0
// expect-stdout: eof
#include "check.h"

int main(void) {
    char buf[100];
    ssize_t n;
    while ((n = read(0, buf, sizeof buf)) > 0) {
        if (write(1, buf, (size_t) n) != n) {
            fprintf(stderr, "write failed: %s\n", errname(errno));
            return 2;
        }
    }
    if (n < 0) {
        fprintf(stderr, "read failed: %s\n", errname(errno));
        return 1;
    }
    printf("eof\n");
    return 0;
}
