// readdir while the directory changes: one file is deleted and another created mid-iteration.
// POSIX leaves open whether those two show up, but every untouched entry must be returned exactly
// once. The directory is large enough that readdir refills its buffer (cookies) several times.
// expect-exit: 0
// expect-stdout: readdir during changes ok
#include "check.h"

#include <dirent.h>

enum { FILES = 400 };

int main(void) {
    char name[32];
    int seen[FILES] = {0};
    int dots = 0, created = 0, deleted = -1, returned = 0, twice = 0;

    CHECK(mkdir("big", 0755) == 0);
    CHECK(chdir("big") == 0);
    for (int i = 0; i < FILES; i++) {
        snprintf(name, sizeof name, "entry_%03d", i);
        write_file(name, "");
    }

    DIR *dir = opendir(".");
    CHECK(dir != NULL);
    struct dirent *e;
    errno = 0;
    while ((e = readdir(dir)) != NULL) {
        int i;
        returned++;
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            dots++;
        } else if (strcmp(e->d_name, "aaa_created") == 0) {
            created++;
        } else if (sscanf(e->d_name, "entry_%d", &i) == 1 && i >= 0 && i < FILES) {
            if (seen[i]++ && twice++ < 5) {
                printf("FAIL %s returned twice (as entry %d)\n", e->d_name, returned);
            }
        } else {
            printf("FAIL unexpected entry \"%s\"\n", e->d_name);
            return 1;
        }
        if (returned == 10) {
            // Delete an entry (whichever came first) that has been returned already...
            for (int j = 0; j < FILES; j++) {
                if (seen[j]) {
                    snprintf(name, sizeof name, "entry_%03d", j);
                    CHECK(unlink(name) == 0);
                    deleted = j;
                    break;
                }
            }
        }
        if (returned == 150) {
            // ...and later create one (which sorts first, if names are sorted).
            write_file("aaa_created", "");
        }
        errno = 0;
    }
    CHECK(errno == 0);
    CHECK(closedir(dir) == 0);
    CHECK_EQ(dots, 2);
    CHECK(created <= 1);
    CHECK(deleted >= 0);
    int missing = 0;
    for (int i = 0; i < FILES; i++) {
        if (!seen[i] && i != deleted) {
            if (missing++ < 5) {
                printf("FAIL entry_%03d never returned\n", i);
            }
        }
    }
    if (missing || twice) {
        printf("FAIL %d untouched entries missing, %d returned twice\n", missing, twice);
        return 1;
    }
    puts("readdir during changes ok");
    return 0;
}
