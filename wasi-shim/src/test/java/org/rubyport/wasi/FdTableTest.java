package org.rubyport.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.rubyport.wasi.Guest.OFLAG_CREAT;
import static org.rubyport.wasi.Guest.PREOPEN;
import static org.rubyport.wasi.Guest.assertErrno;
import static org.rubyport.wasi.Guest.ok;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class FdTableTest {
    private static Fd stream() {
        return new StreamFd(InputSource.EMPTY, null);
    }

    private static Errno errnoOf(Executable call) {
        return assertThrows(WasiException.class, call).errno;
    }

    @Test
    void newDescriptorsTakeTheLowestFreeNumber() throws WasiException {
        FdTable table = new FdTable();
        Fd a = stream();
        Fd b = stream();
        Fd c = stream();
        assertEquals(0, table.add(a));
        assertEquals(1, table.add(b));
        assertEquals(2, table.add(c));
        table.close(1);
        table.close(0);
        Fd d = stream();
        assertEquals(0, table.add(d));
        assertEquals(1, table.add(stream()));
        assertEquals(3, table.add(stream()));
        assertSame(d, table.get(0));
        assertSame(c, table.get(2));
    }

    @Test
    void aFreedNumberBelowTheLastOneAddedIsFoundAgain() throws WasiException {
        FdTable table = new FdTable();
        for (int i = 0; i < 10; i++) {
            table.add(stream());
        }
        table.close(7);
        table.close(3);
        assertEquals(3, table.add(stream()));
        assertEquals(7, table.add(stream()));
        assertEquals(10, table.add(stream()));
        table.close(10);
        table.close(9);
        table.close(0);
        assertEquals(0, table.add(stream()));
        assertEquals(9, table.add(stream()), "the trimmed tail is free again");
    }

    @Test
    void closedAndUnknownNumbersAreBadDescriptors() throws WasiException {
        FdTable table = new FdTable();
        table.add(stream());
        table.add(stream());
        table.close(1);
        assertEquals(Errno.BADF, errnoOf(() -> table.get(1)));
        assertEquals(Errno.BADF, errnoOf(() -> table.close(1)));
        assertEquals(Errno.BADF, errnoOf(() -> table.get(-1)));
        assertEquals(Errno.BADF, errnoOf(() -> table.get(Integer.MAX_VALUE)));
        assertEquals(Errno.BADF, errnoOf(() -> table.close(Integer.MIN_VALUE)));
        table.close(0);
        assertEquals(0, table.add(stream()), "an emptied table starts again at 0");
    }

    @Test
    void renumberMovesOntoAnOpenNumberAndFreesTheOld() throws WasiException {
        FdTable table = new FdTable();
        Fd a = stream();
        Fd b = stream();
        Fd c = stream();
        table.add(a);
        table.add(b);
        table.add(c);
        table.renumber(2, 0);
        assertSame(c, table.get(0));
        assertEquals(Errno.BADF, errnoOf(() -> table.get(2)));
        assertSame(b, table.get(1));
        table.renumber(1, 1);
        assertSame(b, table.get(1));
        assertEquals(Errno.BADF, errnoOf(() -> table.renumber(1, 5)), "the target must be open");
        assertEquals(Errno.BADF, errnoOf(() -> table.renumber(7, 1)));
        assertSame(b, table.get(1), "a failed renumber changes nothing");
        assertEquals(2, table.add(a));
    }

    @Test
    void tooManyDescriptorsIsEmfile() throws WasiException {
        FdTable table = new FdTable();
        Fd fd = stream();
        for (int i = 0; i < FdTable.MAX_FDS; i++) {
            table.add(fd);
        }
        assertEquals(Errno.MFILE, errnoOf(() -> table.add(fd)));
        table.close(100);
        assertEquals(100, table.add(fd));
    }

    @Test
    void throughWasiClosedNumbersAreReusedAndRenumbered() {
        Guest g = new Guest();
        WasiPreview1 w = g.wasi;
        int a = g.open(PREOPEN, "a", OFLAG_CREAT);
        int b = g.open(PREOPEN, "b", OFLAG_CREAT);
        int c = g.open(PREOPEN, "c", OFLAG_CREAT);
        assertEquals(4, a);
        assertEquals(5, b);
        assertEquals(6, c);
        ok(w.fdClose(b));
        assertErrno(Errno.BADF, w.fdClose(b));
        assertEquals(5, g.open(PREOPEN, "d", OFLAG_CREAT));

        g.write(a, "from a");
        ok(w.fdRenumber(a, c));
        assertErrno(Errno.BADF, w.fdTell(a, g.alloc(8)));
        assertEquals(6, g.tell(c), "c is now a's description, offset and all");
        assertEquals(4, g.open(PREOPEN, "e", OFLAG_CREAT));
        assertErrno(Errno.BADF, w.fdRenumber(c, 40));
        assertErrno(Errno.BADF, w.fdRenumber(40, c));

        ok(w.fdClose(PREOPEN));
        assertErrno(Errno.BADF, g.statErrno(PREOPEN, 0, "a"));
    }
}
