package org.rubyport.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IovecTest {
    private final ByteArrayGuestMemory memory = new ByteArrayGuestMemory(256);

    private void put(int at, int ptr, int len) {
        memory.setInt(at, ptr);
        memory.setInt(at + 4, len);
    }

    private Errno fault(int ptr, int count) {
        return assertThrows(WasiException.class, () -> Iovec.readAll(memory, ptr, count)).errno;
    }

    @Test
    void readsEachEntryAndTotalsTheirLengths() throws WasiException {
        put(0, 100, 10);
        put(8, 200, 56);
        put(16, 256, 0);
        Iovec[] iovs = Iovec.readAll(memory, 0, 3);
        assertArrayEquals(new Iovec[] {new Iovec(100, 10), new Iovec(200, 56), new Iovec(256, 0)}, iovs);
        assertEquals(66, Iovec.total(iovs));
        assertEquals(0, Iovec.readAll(memory, 256, 0).length, "no entries at the very end");
    }

    @Test
    void everyBufferMustLieInMemory() {
        put(0, 200, 57);
        assertEquals(Errno.FAULT, fault(0, 1));
        put(0, -1, 1);
        assertEquals(Errno.FAULT, fault(0, 1));
        put(0, 0, -1);
        assertEquals(Errno.FAULT, fault(0, 1), "lengths are unsigned");
        put(0, 257, 0);
        assertEquals(Errno.FAULT, fault(0, 1));
    }

    @Test
    void theArrayItselfMustLieInMemory() {
        assertEquals(Errno.FAULT, fault(252, 1));
        assertEquals(Errno.FAULT, fault(0, 33));
        assertEquals(Errno.FAULT, fault(0, -1));
        assertEquals(Errno.FAULT, fault(-8, 1));
        assertEquals(Errno.FAULT, fault(0, Integer.MAX_VALUE));
    }
}
