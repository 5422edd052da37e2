package org.rubyport.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
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

    /** memory's bytes in a memory that says it has 4 GiB: iovecs may then name buffers past 2 GiB. */
    private GuestMemory claimingFourGiB() {
        InvocationHandler handler = (proxy, method, args) -> method.getName().equals("size") ? 4294967296.0
                : method.isDefault() ? InvocationHandler.invokeDefault(proxy, method, args)
                : method.invoke(memory, args);
        return (GuestMemory) Proxy.newProxyInstance(GuestMemory.class.getClassLoader(),
                new Class<?>[] {GuestMemory.class}, handler);
    }

    @Test
    void oneCallMovesAtMostLinuxsMaximum() throws WasiException {
        put(0, 0x10000000, 0xC0000000); // 3 GiB, which an int reads as negative
        put(8, 100, 10);
        Iovec[] iovs = Iovec.readAll(claimingFourGiB(), 0, 2);
        assertArrayEquals(new Iovec[] {new Iovec(0x10000000, Iovec.MAX_TRANSFER), new Iovec(100, 0)}, iovs);
        assertEquals(Iovec.MAX_TRANSFER, Iovec.total(iovs));
        put(0, 0x80000000, 0x7fffffff); // from 2 GiB on, within the 4 GiB
        assertEquals(Iovec.MAX_TRANSFER, Iovec.readAll(claimingFourGiB(), 0, 1)[0].len());
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
