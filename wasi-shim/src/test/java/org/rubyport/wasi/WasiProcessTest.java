package org.rubyport.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.rubyport.wasi.Guest.assertErrno;
import static org.rubyport.wasi.Guest.ok;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Arguments, environment, clocks, randomness and the process and socket calls. */
class WasiProcessTest {
    private static final List<String> ARGS = List.of("ruby", "-e", "puts 'héllo, 日本 🎉'");
    private static final List<String> ENV = List.of("LANG=C.UTF-8", "GREETING=Grüße");

    private final Guest g = new Guest((vfs, b) -> b.preopen("/", vfs.root()).args(ARGS.toArray(String[]::new)).env(ENV.toArray(String[]::new)));
    private final WasiPreview1 w = g.wasi;

    private static int utf8Size(List<String> strings) {
        int size = 0;
        for (String s : strings) {
            size += s.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        return size;
    }

    @Test
    void sizesCountUtf8BytesAndTerminators() {
        int count = g.alloc(4);
        int size = g.alloc(4);
        ok(w.argsSizesGet(count, size));
        assertEquals(3, g.u32(count));
        // "ruby\0" 5, "-e\0" 3, "puts 'héllo, 日本 🎉'\0" 27: é is 2 bytes, each CJK char 3, the emoji 4.
        assertEquals(5 + 3 + 27, g.u32(size));
        ok(w.environSizesGet(count, size));
        assertEquals(2, g.u32(count));
        assertEquals(13 + 17, g.u32(size), "ü and ß are two bytes each");
        assertErrno(Errno.FAULT, w.argsSizesGet(Guest.MEMORY_SIZE - 2, size));
        assertErrno(Errno.FAULT, w.environSizesGet(count, -1));
    }

    @Test
    void argsAndEnvironAreNulTerminatedAndPointedTo() {
        int argv = g.alloc(4 * ARGS.size());
        int buf = g.alloc(utf8Size(ARGS));
        ok(w.argsGet(argv, buf));
        assertEquals(buf, g.u32(argv));
        for (int i = 0; i < ARGS.size(); i++) {
            int p = g.u32(argv + 4 * i);
            byte[] expected = ARGS.get(i).getBytes(StandardCharsets.UTF_8);
            assertEquals(ARGS.get(i), g.string(p, expected.length));
            assertEquals(0, g.memory.getByte(p + expected.length));
        }
        assertEquals(buf + utf8Size(ARGS), g.u32(argv + 8) + ARGS.get(2).getBytes(StandardCharsets.UTF_8).length + 1);

        int environ = g.alloc(8);
        int ebuf = g.alloc(64);
        ok(w.environGet(environ, ebuf));
        assertEquals("GREETING=Grüße", g.string(g.u32(environ + 4), 16));

        // A buffer one byte short of what sizes reported is a fault, and nothing is written.
        int tight = Guest.MEMORY_SIZE - utf8Size(ARGS) + 1;
        assertErrno(Errno.FAULT, w.argsGet(argv, tight));
        assertEquals(0, g.memory.getByte(Guest.MEMORY_SIZE - 1));
        assertErrno(Errno.FAULT, w.argsGet(Guest.MEMORY_SIZE - 8, buf));
    }

    @Test
    void noArgsAtAll() {
        Guest bare = new Guest();
        int count = bare.alloc(4);
        int size = bare.alloc(4);
        ok(bare.wasi.argsSizesGet(count, size));
        assertEquals(0, bare.u32(count));
        assertEquals(0, bare.u32(size));
        // no strings: zero bytes at the very end of memory are in range
        ok(bare.wasi.environGet(Guest.MEMORY_SIZE, Guest.MEMORY_SIZE));
    }

    @Test
    void clocksReadTheInjectedClock() {
        int t = g.alloc(8);
        g.clock.realtime = 123_456_789_000L;
        g.clock.monotonic = 42;
        ok(w.clockTimeGet(0, 1, t));
        assertEquals(123_456_789_000L, g.u64(t));
        ok(w.clockTimeGet(1, 0, t));
        assertEquals(42, g.u64(t));
        g.clock.advance(8);
        ok(w.clockTimeGet(2, 0, t));
        assertEquals(50, g.u64(t));
        ok(w.clockTimeGet(3, 0, t));
        assertEquals(50, g.u64(t));
        assertErrno(Errno.INVAL, w.clockTimeGet(4, 0, t));
        assertErrno(Errno.INVAL, w.clockTimeGet(-1, 0, t));
        assertErrno(Errno.FAULT, w.clockTimeGet(0, 0, Guest.MEMORY_SIZE - 7));
        ok(w.clockResGet(1, t));
        assertEquals(1_000, g.u64(t));
        assertErrno(Errno.INVAL, w.clockResGet(9, t));
    }

    @Test
    void randomFillsALongBufferWhole() {
        int len = 200_000; // more than one of the pieces it is drawn in
        int buf = g.alloc(len + 1);
        ok(w.randomGet(buf, len));
        byte[] bytes = g.memory.bytes();
        for (int i = 0; i < len; i++) {
            assertEquals((byte) (i + 1), bytes[buf + i], "byte " + i);
        }
        assertEquals(0, bytes[buf + len], "nothing past the buffer");
    }

    @Test
    void randomComesFromTheHost() {
        int buf = g.alloc(8);
        ok(w.randomGet(buf, 5));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 0, 0, 0}, Arrays.copyOfRange(g.memory.bytes(), buf, buf + 8));
        ok(w.randomGet(buf, 0));
        assertErrno(Errno.FAULT, w.randomGet(Guest.MEMORY_SIZE - 4, 5));
        assertErrno(Errno.FAULT, w.randomGet(buf, -1));
        assertErrno(Errno.FAULT, w.randomGet(buf, Integer.MIN_VALUE));
    }

    @Test
    void procExitThrowsTheOneExceptionThatCrossesTheBoundary() {
        ProcExit exit = assertThrows(ProcExit.class, () -> w.procExit(3));
        assertEquals(3, exit.code);
        assertErrno(Errno.NOTSUP, w.procRaise(9));
        ok(w.schedYield());
    }

    @Test
    void thereAreNoSockets() {
        assertErrno(Errno.NOTSOCK, w.sockAccept(3, 0, g.alloc(4)));
        assertErrno(Errno.NOTSOCK, w.sockRecv(0, 0, 0, 0, 0, 0));
        assertErrno(Errno.NOTSOCK, w.sockSend(1, 0, 0, 0, 0));
        assertErrno(Errno.NOTSOCK, w.sockShutdown(2, 0));
        assertErrno(Errno.BADF, w.sockShutdown(10, 0));
    }

    @Test
    void syncAndAdviseOnlyCheckTheDescriptor() {
        int fd = g.open(Guest.PREOPEN, "f", Guest.OFLAG_CREAT);
        ok(w.fdSync(fd));
        ok(w.fdDatasync(fd));
        ok(w.fdAdvise(fd, 0, 100, 5));
        assertErrno(Errno.INVAL, w.fdAdvise(fd, 0, 100, 6));
        assertErrno(Errno.INVAL, w.fdAdvise(fd, -1, 100, 0));
        assertErrno(Errno.ISDIR, w.fdAdvise(Guest.PREOPEN, 0, 0, 0));
        assertErrno(Errno.BADF, w.fdSync(30));
    }
}
