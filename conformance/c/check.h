/*
 * Shared helpers for the conformance programs.
 *
 * Each program states what it must print and how it must exit in its header comments
 * ("// expect-exit:", "// expect-stdout:"); ConformanceTest compiles and runs it and compares.
 * Checks print one line per group on success. A failed check prints what failed (with errno)
 * on stdout, so it shows up in the test's diff, and exits with status 1.
 */
#ifndef CONFORMANCE_CHECK_H
#define CONFORMANCE_CHECK_H

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The symbolic name of an errno value, for failure messages. */
static inline const char *errname(int e) {
    switch (e) {
    case 0: return "0";
#define NAME(x) case x: return #x;
    NAME(EPERM) NAME(ENOENT) NAME(EIO) NAME(EBADF) NAME(EAGAIN) NAME(EACCES) NAME(EFAULT)
    NAME(EBUSY) NAME(EEXIST) NAME(EXDEV) NAME(ENOTDIR) NAME(EISDIR) NAME(EINVAL) NAME(EFBIG)
    NAME(ENOSPC) NAME(ESPIPE) NAME(ENAMETOOLONG) NAME(ENOSYS) NAME(ENOTEMPTY) NAME(ELOOP)
    NAME(ENOTSUP) NAME(ENOTSOCK) NAME(EROFS) NAME(EILSEQ)
#ifdef ENOTCAPABLE
    NAME(ENOTCAPABLE)
#endif
#undef NAME
    default: return "E?";
    }
}

/* Fails unless cond holds. */
#define CHECK(cond)                                                                      \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            printf("FAIL %s:%d: %s (errno %d %s)\n", __FILE__, __LINE__, #cond, errno,   \
                   errname(errno));                                                      \
            exit(1);                                                                     \
        }                                                                                \
    } while (0)

/* Fails unless call returns -1 with errno set to err. */
#define CHECK_ERRNO(call, err)                                                           \
    do {                                                                                 \
        errno = 0;                                                                       \
        long result_ = (long)(call);                                                     \
        int errno_ = errno;                                                              \
        if (result_ != -1 || errno_ != (err)) {                                          \
            printf("FAIL %s:%d: %s: expected -1 %s, got %ld %s\n", __FILE__, __LINE__,   \
                   #call, #err, result_, errname(errno_));                               \
            exit(1);                                                                     \
        }                                                                                \
    } while (0)

/* Fails unless a == b, printing both (integers). */
#define CHECK_EQ(a, b)                                                                   \
    do {                                                                                 \
        long long a_ = (long long)(a), b_ = (long long)(b);                              \
        if (a_ != b_) {                                                                  \
            printf("FAIL %s:%d: %s == %s: %lld != %lld\n", __FILE__, __LINE__, #a, #b,   \
                   a_, b_);                                                              \
            exit(1);                                                                     \
        }                                                                                \
    } while (0)

/* Fails unless the NUL-terminated strings are equal. */
#define CHECK_STR(a, b)                                                                  \
    do {                                                                                 \
        const char *a_ = (a), *b_ = (b);                                                 \
        if (strcmp(a_, b_) != 0) {                                                       \
            printf("FAIL %s:%d: %s == %s: \"%s\" != \"%s\"\n", __FILE__, __LINE__, #a,   \
                   #b, a_, b_);                                                          \
            exit(1);                                                                     \
        }                                                                                \
    } while (0)

/* Creates or replaces the file at path with content. */
static inline void write_file(const char *path, const char *content) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0);
    size_t len = strlen(content);
    CHECK(write(fd, content, len) == (ssize_t)len);
    CHECK(close(fd) == 0);
}

/* The content of the file at path (up to 255 bytes), NUL-terminated in a static buffer. */
static inline const char *read_file(const char *path) {
    static char buf[256];
    int fd = open(path, O_RDONLY);
    CHECK(fd >= 0);
    ssize_t n = read(fd, buf, sizeof buf - 1);
    CHECK(n >= 0);
    buf[n] = '\0';
    CHECK(close(fd) == 0);
    return buf;
}

#endif
