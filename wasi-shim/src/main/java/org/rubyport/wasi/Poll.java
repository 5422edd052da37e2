package org.rubyport.wasi;

/**
 * poll_oneoff: reads subscriptions, reports descriptors that are ready at once, and otherwise waits for
 * the earliest clock subscription through the host.
 */
final class Poll {
    /** The wait for a timeout too large to mean anything but "never"; below the no-clock marker. */
    private static final long NEVER = Long.MAX_VALUE - 1;

    private static final int SUBSCRIPTION_SIZE = 48;
    private static final int EVENT_SIZE = 32;

    /** The guest's clocks by id. */
    @FunctionalInterface
    interface Clocks {
        long now(int clockId) throws WasiException;
    }

    private final GuestMemory memory;
    private final FdTable fds;
    private final Clocks clocks;
    private final Host host;

    Poll(GuestMemory memory, FdTable fds, Clocks clocks, Host host) {
        this.memory = memory;
        this.fds = fds;
        this.clocks = clocks;
        this.host = host;
    }

    void run(int inPtr, int outPtr, int count, int neventsPtr) throws WasiException {
        if (count <= 0) {
            throw Errno.INVAL.error();
        }
        if (!memory.contains(inPtr, (double) count * SUBSCRIPTION_SIZE)
                || !memory.contains(outPtr, (double) count * EVENT_SIZE) || !memory.contains(neventsPtr, 4)) {
            throw Errno.FAULT.error();
        }
        long[] deadlines = new long[count];
        int events = 0;
        long wait = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            int sub = inPtr + i * SUBSCRIPTION_SIZE;
            long userdata = memory.getLong(sub);
            int type = memory.getByte(sub + 8);
            deadlines[i] = Long.MAX_VALUE;
            if (type == WasiPreview1.EVENTTYPE_CLOCK) {
                int clockId = memory.getInt(sub + 16);
                long timeout = memory.getLong(sub + 24);
                boolean absolute = (memory.getShort(sub + 40) & WasiPreview1.SUBCLOCK_ABSTIME) != 0;
                try {
                    long now = clocks.now(clockId); // also refuses an unknown clock, relative or not
                    // Timeouts are unsigned: one of 2^63 ns or more (292 years) stands for "never".
                    long relative = absolute
                            ? (Long.compareUnsigned(timeout, now) <= 0 ? 0 : timeout - now)
                            : timeout;
                    deadlines[i] = relative < 0 ? NEVER : relative;
                    wait = Math.min(wait, deadlines[i]);
                } catch (WasiException e) {
                    events = putEvent(outPtr, events, userdata, e.errno, type, 0);
                }
            } else if (type == WasiPreview1.EVENTTYPE_FD_READ || type == WasiPreview1.EVENTTYPE_FD_WRITE) {
                Errno error = Errno.SUCCESS;
                long nbytes = 0;
                try {
                    Fd fd = fds.get(memory.getInt(sub + 16));
                    nbytes = type == WasiPreview1.EVENTTYPE_FD_READ ? fd.readable() : 1;
                } catch (WasiException e) {
                    error = e.errno;
                }
                events = putEvent(outPtr, events, userdata, error, type, nbytes);
            } else {
                throw Errno.INVAL.error();
            }
        }
        if (events == 0 && wait != Long.MAX_VALUE) {
            if (wait > 0) {
                host.sleep(wait);
            }
            for (int i = 0; i < count; i++) {
                if (deadlines[i] <= wait) {
                    events = putEvent(outPtr, events, memory.getLong(inPtr + i * SUBSCRIPTION_SIZE), Errno.SUCCESS,
                            WasiPreview1.EVENTTYPE_CLOCK, 0);
                }
            }
        }
        memory.setInt(neventsPtr, events);
    }

    private int putEvent(int outPtr, int index, long userdata, Errno error, int type, long nbytes) {
        int ev = outPtr + index * EVENT_SIZE;
        memory.setLong(ev, userdata);
        memory.setShort(ev + 8, (short) error.code);
        memory.setByte(ev + 10, (byte) type);
        memory.setLong(ev + 16, nbytes);
        memory.setLong(ev + 24, 0);
        return index + 1;
    }
}
