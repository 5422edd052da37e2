// Waiting ~10ms through poll_oneoff with a clock subscription: poll(2) with a timeout,
// clock_nanosleep(2) relative and absolute, nanosleep(2). Each is timed with CLOCK_MONOTONIC.
// expect-exit: 0
// expect-stdout: poll timeout ok
// expect-stdout: clock_nanosleep ok
// expect-stdout: nanosleep ok
// expect-stdout: poll ready fd ok
#include "check.h"

#include <poll.h>
#include <time.h>

static const long long MS = 1000000;

static long long monotonic(void) {
    struct timespec t;
    CHECK(clock_gettime(CLOCK_MONOTONIC, &t) == 0);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(void) {
    long long start = monotonic();
    CHECK_EQ(poll(NULL, 0, 10), 0);
    long long took = monotonic() - start;
    if (took < 10 * MS) {
        printf("FAIL poll(NULL, 0, 10) returned after %lld ns\n", took);
        return 1;
    }
    puts("poll timeout ok");

    struct timespec ten = {0, 10 * MS};
    start = monotonic();
    CHECK_EQ(clock_nanosleep(CLOCK_MONOTONIC, 0, &ten, NULL), 0);
    took = monotonic() - start;
    if (took < 10 * MS) {
        printf("FAIL relative clock_nanosleep returned after %lld ns\n", took);
        return 1;
    }
    start = monotonic();
    long long deadline = start + 10 * MS;
    struct timespec at = {deadline / 1000000000LL, deadline % 1000000000LL};
    CHECK_EQ(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &at, NULL), 0);
    if (monotonic() < deadline) {
        printf("FAIL absolute clock_nanosleep returned %lld ns early\n", deadline - monotonic());
        return 1;
    }
    struct timespec past = {0, 0}; // an absolute time long gone returns at once
    CHECK_EQ(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &past, NULL), 0);
    puts("clock_nanosleep ok");

    start = monotonic();
    CHECK(nanosleep(&ten, NULL) == 0);
    took = monotonic() - start;
    if (took < 10 * MS) {
        printf("FAIL nanosleep returned after %lld ns\n", took);
        return 1;
    }
    puts("nanosleep ok");

    // A regular file is always ready: poll returns at once, not after the 5 s timeout.
    write_file("f", "data");
    int fd = open("f", O_RDWR);
    CHECK(fd >= 0);
    struct pollfd p[2] = {{fd, POLLIN, 0}, {fd, POLLOUT, 0}};
    start = monotonic();
    CHECK_EQ(poll(p, 2, 5000), 2);
    CHECK(monotonic() - start < 1000 * MS);
    CHECK(p[0].revents & POLLIN);
    CHECK(p[1].revents & POLLOUT);
    CHECK(close(fd) == 0);
    puts("poll ready fd ok");
    return 0;
}
