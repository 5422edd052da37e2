// Names are UTF-8 bytes, kept exactly: multi-byte names, and one that starts with a byte-order mark, come back
// from readdir as they went in. Bytes that are not UTF-8 are refused with EILSEQ, and nothing is created.
// A name may take 255 bytes (Linux's NAME_MAX), counted in UTF-8; a longer one is ENAMETOOLONG.
// expect-exit: 0
// expect-stdout: utf-8 names ok
// expect-stdout: malformed names refused
// expect-stdout: name length ok
#include "check.h"

#include <dirent.h>

static const char *names[] = {"caf\xc3\xa9.txt", "\xef\xbb\xbf" "bom.txt", "\xf0\x9f\x8e\x89", "\xe6\x97\xa5"};
enum { N = sizeof names / sizeof names[0] };

/* How many entries of dir are named name; with name NULL, how many entries besides "." and "..". */
static int count(const char *dir, const char *name) {
    DIR *d = opendir(dir);
    CHECK(d != NULL);
    int found = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        int dots = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
        if (name ? strcmp(e->d_name, name) == 0 : !dots) {
            found++;
        }
    }
    closedir(d);
    return found;
}

int main(void) {
    char path[64];
    CHECK(mkdir("u", 0755) == 0);
    for (int i = 0; i < N; i++) {
        snprintf(path, sizeof path, "u/%s", names[i]);
        write_file(path, names[i]);
        CHECK_STR(read_file(path), names[i]);
        CHECK_EQ(count("u", names[i]), 1);
    }
    snprintf(path, sizeof path, "u/%s", "bom.txt");
    CHECK_ERRNO(access(path, F_OK), ENOENT); // the mark is part of the name, not dropped
    puts("utf-8 names ok");

    struct stat st;
    CHECK_ERRNO(open("u/\xff.txt", O_WRONLY | O_CREAT, 0644), EILSEQ);
    CHECK_ERRNO(mkdir("u/caf\xc3", 0755), EILSEQ); // a sequence cut short
    CHECK_ERRNO(stat("u/\xed\xa0\x80", &st), EILSEQ); // a UTF-16 surrogate
    CHECK_ERRNO(open("u/\xc0\xaf", O_RDONLY), EILSEQ); // an overlong '/'
    CHECK_EQ(count("u", NULL), N);
    puts("malformed names refused");

    char name[2 + 3 * 256 + 1] = "u/";
    memset(name + 2, 'n', 255);
    name[2 + 255] = '\0';
    write_file(name, "255 bytes");
    CHECK_STR(read_file(name), "255 bytes");
    CHECK(unlink(name) == 0);
    memset(name + 2, 'n', 256);
    name[2 + 256] = '\0';
    CHECK_ERRNO(open(name, O_WRONLY | O_CREAT, 0644), ENAMETOOLONG);
    CHECK_ERRNO(mkdir(name, 0755), ENAMETOOLONG);
    CHECK_ERRNO(stat(name, &st), ENAMETOOLONG);
    CHECK_ERRNO(symlink("target", name), ENAMETOOLONG);
    for (int i = 0; i < 85; i++) memcpy(name + 2 + 3 * i, "\xe6\x97\xa5", 3); // 255 bytes in 85 characters
    name[2 + 255] = '\0';
    CHECK(mkdir(name, 0755) == 0);
    CHECK(rmdir(name) == 0);
    memcpy(name + 2 + 255, "\xe6\x97\xa5", 4); // 258 bytes
    CHECK_ERRNO(mkdir(name, 0755), ENAMETOOLONG);
    CHECK_EQ(count("u", NULL), N);
    puts("name length ok");
    return 0;
}
