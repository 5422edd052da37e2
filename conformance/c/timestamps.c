// utimensat(2) and futimens(3): explicit times, UTIME_NOW and UTIME_OMIT, checked with st_atim
// and st_mtim; writing moves st_mtim; AT_SYMLINK_NOFOLLOW sets the link's own times.
// expect-exit: 0
// expect-stdout: utimensat ok
// expect-stdout: futimens ok
// expect-stdout: UTIME_NOW UTIME_OMIT ok
// expect-stdout: nofollow times ok
#include "check.h"

#include <time.h>
#ifdef __wasi__
#include <wasi/api.h>
#endif

/* Linux stamps files from a coarse clock that may lag clock_gettime by a tick. */
static const long long SLACK = 20000000;

static long long ns(struct timespec t) {
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static long long now(void) {
    struct timespec t;
    CHECK(clock_gettime(CLOCK_REALTIME, &t) == 0);
    return ns(t);
}

/* Whether t lies in [before, after], allowing for that lag. */
static int between(long long before, long long t, long long after) {
    return t >= before - SLACK && t <= after;
}

#ifdef __wasi__
/*
 * Debian's wasi-libc (0.0~git20220510) mistranslates some utimensat/futimens arguments before they
 * reach the runtime: UTIME_NOW or UTIME_OMIT in times[1] fail with EINVAL, and times == NULL sets
 * both times to the epoch (wasmtime#4184). For those cases these make the WASI call a correct libc
 * makes (fd 3 is the preopen "/", which is also the working directory).
 */
static __wasi_timestamp_t flags_of(const struct timespec *t, __wasi_fstflags_t set,
                                   __wasi_fstflags_t set_now, __wasi_fstflags_t *flags) {
    if (t == NULL || t->tv_nsec == UTIME_NOW) {
        *flags |= set_now;
    } else if (t->tv_nsec != UTIME_OMIT) {
        *flags |= set;
        return ns(*t);
    }
    return 0;
}

static int set_times(const char *path, const struct timespec times[2]) {
    __wasi_fstflags_t flags = 0;
    __wasi_timestamp_t a = flags_of(times ? &times[0] : NULL, __WASI_FSTFLAGS_ATIM,
                                    __WASI_FSTFLAGS_ATIM_NOW, &flags);
    __wasi_timestamp_t m = flags_of(times ? &times[1] : NULL, __WASI_FSTFLAGS_MTIM,
                                    __WASI_FSTFLAGS_MTIM_NOW, &flags);
    errno = __wasi_path_filestat_set_times(3, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, path, a, m, flags);
    return errno ? -1 : 0;
}

static int fset_times(int fd, const struct timespec times[2]) {
    __wasi_fstflags_t flags = 0;
    __wasi_timestamp_t a = flags_of(times ? &times[0] : NULL, __WASI_FSTFLAGS_ATIM,
                                    __WASI_FSTFLAGS_ATIM_NOW, &flags);
    __wasi_timestamp_t m = flags_of(times ? &times[1] : NULL, __WASI_FSTFLAGS_MTIM,
                                    __WASI_FSTFLAGS_MTIM_NOW, &flags);
    errno = __wasi_fd_filestat_set_times(fd, a, m, flags);
    return errno ? -1 : 0;
}
#else
static int set_times(const char *path, const struct timespec times[2]) {
    return utimensat(AT_FDCWD, path, times, 0);
}

static int fset_times(int fd, const struct timespec times[2]) {
    return futimens(fd, times);
}
#endif

int main(void) {
    struct stat st;
    const long long A = 1000000000LL * 1000000000LL; // 10^9 s: 2001-09-09
    const long long M = 1234567890LL * 1000000000LL + 987654321LL;
    const struct timespec times[2] = {{1000000000, 0}, {1234567890, 987654321}};
    long long before, after;

    write_file("f", "data");
    CHECK(utimensat(AT_FDCWD, "f", times, 0) == 0);
    CHECK(stat("f", &st) == 0);
    CHECK_EQ(ns(st.st_atim), A);
    CHECK_EQ(ns(st.st_mtim), M);
    struct timespec omit_a[2] = {{999, UTIME_OMIT}, {42, 5}}; // tv_sec is ignored
    CHECK(utimensat(AT_FDCWD, "f", omit_a, 0) == 0);
    CHECK(stat("f", &st) == 0);
    CHECK_EQ(ns(st.st_atim), A);
    CHECK_EQ(ns(st.st_mtim), 42000000005LL);
    struct timespec now_a[2] = {{0, UTIME_NOW}, {1234567890, 987654321}};
    before = now();
    CHECK(utimensat(AT_FDCWD, "f", now_a, 0) == 0);
    after = now();
    CHECK(stat("f", &st) == 0);
    CHECK(between(before, ns(st.st_atim), after));
    CHECK_EQ(ns(st.st_mtim), M);
    struct timespec bad[2] = {{0, 1000000000}, {0, 0}};
    CHECK_ERRNO(utimensat(AT_FDCWD, "f", bad, 0), EINVAL);
    CHECK_ERRNO(utimensat(AT_FDCWD, "missing", times, 0), ENOENT);
    puts("utimensat ok");

    int fd = open("f", O_RDWR);
    CHECK(fd >= 0);
    CHECK(futimens(fd, times) == 0);
    CHECK(fstat(fd, &st) == 0);
    CHECK_EQ(ns(st.st_atim), A);
    CHECK_EQ(ns(st.st_mtim), M);
    CHECK(futimens(fd, omit_a) == 0);
    CHECK(fstat(fd, &st) == 0);
    CHECK_EQ(ns(st.st_atim), A);
    CHECK_EQ(ns(st.st_mtim), 42000000005LL);
    before = now(); // writing moves the modification time to now
    CHECK(write(fd, "x", 1) == 1);
    after = now();
    CHECK(fstat(fd, &st) == 0);
    CHECK(between(before, ns(st.st_mtim), after));
    CHECK_EQ(ns(st.st_atim), A);
    puts("futimens ok");

    // UTIME_NOW / UTIME_OMIT in the modification time, and NULL for "both now".
    CHECK(utimensat(AT_FDCWD, "f", times, 0) == 0);
    struct timespec now_m[2] = {{0, UTIME_OMIT}, {0, UTIME_NOW}};
    before = now();
    CHECK(set_times("f", now_m) == 0);
    after = now();
    CHECK(stat("f", &st) == 0);
    CHECK_EQ(ns(st.st_atim), A);
    CHECK(between(before, ns(st.st_mtim), after));
    CHECK(utimensat(AT_FDCWD, "f", times, 0) == 0);
    struct timespec omit_m[2] = {{42, 5}, {999, UTIME_OMIT}};
    CHECK(set_times("f", omit_m) == 0);
    CHECK(stat("f", &st) == 0);
    CHECK_EQ(ns(st.st_atim), 42000000005LL);
    CHECK_EQ(ns(st.st_mtim), M);
    struct timespec both_omit[2] = {{0, UTIME_OMIT}, {0, UTIME_OMIT}};
    CHECK(set_times("f", both_omit) == 0);
    CHECK(stat("f", &st) == 0);
    CHECK_EQ(ns(st.st_atim), 42000000005LL);
    CHECK_EQ(ns(st.st_mtim), M);
    before = now();
    CHECK(set_times("f", NULL) == 0);
    after = now();
    CHECK(stat("f", &st) == 0);
    CHECK(between(before, ns(st.st_atim), after));
    CHECK(between(before, ns(st.st_mtim), after));
    CHECK(futimens(fd, times) == 0);
    struct timespec now_a_omit_m[2] = {{0, UTIME_NOW}, {0, UTIME_OMIT}};
    before = now();
    CHECK(fset_times(fd, now_a_omit_m) == 0);
    after = now();
    CHECK(fstat(fd, &st) == 0);
    CHECK(between(before, ns(st.st_atim), after));
    CHECK_EQ(ns(st.st_mtim), M);
    before = now();
    CHECK(fset_times(fd, NULL) == 0);
    after = now();
    CHECK(fstat(fd, &st) == 0);
    CHECK(between(before, ns(st.st_mtim), after));
    CHECK(close(fd) == 0);
    puts("UTIME_NOW UTIME_OMIT ok");

    CHECK(utimensat(AT_FDCWD, "f", times, 0) == 0);
    CHECK(symlink("f", "l") == 0);
    struct timespec other[2] = {{7, 0}, {8, 0}};
    CHECK(utimensat(AT_FDCWD, "l", other, AT_SYMLINK_NOFOLLOW) == 0);
    CHECK(lstat("l", &st) == 0);
    CHECK_EQ(ns(st.st_mtim), 8000000000LL);
    CHECK(stat("f", &st) == 0);
    CHECK_EQ(ns(st.st_mtim), M); // the target is untouched
    CHECK(utimensat(AT_FDCWD, "l", other, 0) == 0); // and followed without the flag
    CHECK(stat("f", &st) == 0);
    CHECK_EQ(ns(st.st_mtim), 8000000000LL);
    puts("nofollow times ok");
    return 0;
}
