package org.rubyport.wasi;

import java.util.ArrayList;

/** Open descriptors by number; a new descriptor takes the lowest free number, as POSIX requires. */
final class FdTable {
    /** Upper bound on open descriptors, so a leaking guest gets EMFILE instead of exhausting the host. */
    static final int MAX_FDS = 1 << 16;

    private final ArrayList<Fd> fds = new ArrayList<>();
    /** Every number below this is open, so the search for a free one starts here. */
    private int lowestFree;

    /** The descriptor at n; EBADF when none. */
    Fd get(int n) throws WasiException {
        Fd fd = n >= 0 && n < fds.size() ? fds.get(n) : null;
        if (fd == null) {
            throw Errno.BADF.error();
        }
        return fd;
    }

    /** Adds fd at the lowest free number and returns that number. */
    int add(Fd fd) throws WasiException {
        int free = lowestFree;
        while (free < fds.size() && fds.get(free) != null) {
            free++;
        }
        if (free == fds.size()) {
            if (free >= MAX_FDS) {
                throw Errno.MFILE.error();
            }
            fds.add(fd);
        } else {
            fds.set(free, fd);
        }
        lowestFree = free + 1;
        return free;
    }

    /** Closes n; EBADF when it is not open. */
    void close(int n) throws WasiException {
        get(n);
        fds.set(n, null);
        lowestFree = Math.min(lowestFree, n);
        while (!fds.isEmpty() && fds.get(fds.size() - 1) == null) {
            fds.remove(fds.size() - 1);
        }
    }

    /** Moves from onto to, closing what to held; both must be open. */
    void renumber(int from, int to) throws WasiException {
        Fd fd = get(from);
        get(to);
        if (from == to) {
            return;
        }
        fds.set(to, fd);
        close(from);
    }
}
