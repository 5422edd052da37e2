package org.rubyport.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rubyport.wasi.Guest.assertErrno;
import static org.rubyport.wasi.Guest.ok;

import java.util.List;
import org.junit.jupiter.api.Test;

/** poll_oneoff through WasiPreview1: subscriptions written by hand, a host that records its sleeps. */
class PollTest {
    private static final int CLOCK = 0;
    private static final int FD_READ = 1;
    private static final int FD_WRITE = 2;

    private final Guest g = new Guest();
    private final WasiPreview1 w = g.wasi;

    /** Writes a clock subscription at sub. */
    private void clock(int sub, long userdata, int clockId, long timeout, boolean absolute) {
        g.memory.setLong(sub, userdata);
        g.memory.setByte(sub + 8, (byte) CLOCK);
        g.memory.setInt(sub + 16, clockId);
        g.memory.setLong(sub + 24, timeout);
        g.memory.setLong(sub + 32, 1_000);
        g.memory.setShort(sub + 40, (short) (absolute ? 1 : 0));
    }

    private void fd(int sub, long userdata, int type, int fd) {
        g.memory.setLong(sub, userdata);
        g.memory.setByte(sub + 8, (byte) type);
        g.memory.setInt(sub + 16, fd);
    }

    /** An event as (userdata, error, type, nbytes). */
    private List<Long> event(int out, int i) {
        int ev = out + 32 * i;
        return List.of(g.u64(ev), (long) g.memory.getShort(ev + 8), (long) g.u8(ev + 10), g.u64(ev + 16));
    }

    @Test
    void aRelativeClockSleepsThroughTheHost() {
        int in = g.alloc(48);
        int out = g.alloc(32);
        int n = g.alloc(4);
        clock(in, 0xABCDEF0123L, 1, 5_000_000, false);
        ok(w.pollOneoff(in, out, 1, n));
        assertEquals(List.of(5_000_000L), g.host.sleeps);
        assertEquals(1, g.u32(n));
        assertEquals(List.of(0xABCDEF0123L, 0L, 0L, 0L), event(out, 0));
    }

    @Test
    void timeoutsOfTwoToTheSixtyThreeOrMoreAreUnsignedAndMeanNever() {
        int in = g.alloc(48);
        int out = g.alloc(32);
        int n = g.alloc(4);
        clock(in, 1, 1, 0x8000_0000_0000_0000L, false);
        ok(w.pollOneoff(in, out, 1, n));
        g.clock.monotonic = 5;
        clock(in, 2, 1, -1L, true);
        ok(w.pollOneoff(in, out, 1, n));
        assertEquals(List.of(Long.MAX_VALUE - 1, Long.MAX_VALUE - 1), g.host.sleeps,
                "not a timeout already past");
    }

    @Test
    void anAbsoluteClockSleepsUntilItsDeadline() {
        int in = g.alloc(48);
        int out = g.alloc(32);
        int n = g.alloc(4);
        g.clock.monotonic = 1_000_000;
        clock(in, 7, 1, 1_250_000, true);
        ok(w.pollOneoff(in, out, 1, n));
        assertEquals(List.of(250_000L), g.host.sleeps);
        assertEquals(1, g.u32(n));

        g.clock.realtime = 10_000;
        clock(in, 8, 0, 9_000, true);
        ok(w.pollOneoff(in, out, 1, n));
        assertEquals(1, g.host.sleeps.size(), "a deadline in the past fires without sleeping");
        assertEquals(List.of(8L, 0L, 0L, 0L), event(out, 0));
    }

    @Test
    void onlyTheEarliestOfSeveralClocksFires() {
        int in = g.alloc(3 * 48);
        int out = g.alloc(3 * 32);
        int n = g.alloc(4);
        clock(in, 1, 1, 900, false);
        clock(in + 48, 2, 1, 300, false);
        clock(in + 96, 3, 0, 300, false);
        ok(w.pollOneoff(in, out, 3, n));
        assertEquals(List.of(300L), g.host.sleeps);
        assertEquals(2, g.u32(n));
        assertEquals(2L, event(out, 0).get(0));
        assertEquals(3L, event(out, 1).get(0));
    }

    @Test
    void readyDescriptorsAnswerAtOnce() {
        g.writeFile(Guest.PREOPEN, "f", "12345");
        int fd = g.open(Guest.PREOPEN, "f", 0);
        g.seek(fd, 1, 0);
        int in = g.alloc(3 * 48);
        int out = g.alloc(3 * 32);
        int n = g.alloc(4);
        clock(in, 1, 1, 1_000_000_000L, false);
        fd(in + 48, 2, FD_READ, fd);
        fd(in + 96, 3, FD_WRITE, 55);
        ok(w.pollOneoff(in, out, 3, n));
        assertEquals(List.of(), g.host.sleeps, "no sleep while something is ready");
        assertEquals(2, g.u32(n));
        assertEquals(List.of(2L, 0L, (long) FD_READ, 4L), event(out, 0), "four bytes left to read");
        assertEquals(List.of(3L, (long) Errno.BADF.code, (long) FD_WRITE, 0L), event(out, 1));
    }

    @Test
    void anUnknownClockIsReportedInItsEvent() {
        int in = g.alloc(48);
        int out = g.alloc(32);
        int n = g.alloc(4);
        clock(in, 9, 99, 10, false);
        ok(w.pollOneoff(in, out, 1, n));
        assertEquals(1, g.u32(n));
        assertEquals(List.of(9L, (long) Errno.INVAL.code, 0L, 0L), event(out, 0));
        assertEquals(List.of(), g.host.sleeps);
    }

    @Test
    void refusals() {
        int in = g.alloc(48);
        int out = g.alloc(32);
        int n = g.alloc(4);
        clock(in, 1, 1, 10, false);
        assertErrno(Errno.INVAL, w.pollOneoff(in, out, 0, n));
        assertErrno(Errno.INVAL, w.pollOneoff(in, out, -1, n));
        assertErrno(Errno.FAULT, w.pollOneoff(Guest.MEMORY_SIZE - 47, out, 1, n));
        assertErrno(Errno.FAULT, w.pollOneoff(in, Guest.MEMORY_SIZE - 31, 1, n));
        assertErrno(Errno.FAULT, w.pollOneoff(in, out, 1, -4));
        assertErrno(Errno.FAULT, w.pollOneoff(in, out, Integer.MAX_VALUE, n));
        g.memory.setByte(in + 8, (byte) 3);
        assertErrno(Errno.INVAL, w.pollOneoff(in, out, 1, n));
        assertEquals(List.of(), g.host.sleeps);
    }
}
