package org.rubyport.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ByteArrayGuestMemoryTest {
    private final ByteArrayGuestMemory memory = new ByteArrayGuestMemory(64);

    @Test
    void integersAreLittleEndian() {
        memory.setInt(0, 0x11223344);
        assertArrayEquals(new byte[] {0x44, 0x33, 0x22, 0x11}, Arrays.copyOf(memory.bytes(), 4));
        memory.setLong(8, 0x8877665544332211L);
        assertEquals(0x11, memory.getByte(8));
        assertEquals((byte) 0x88, memory.getByte(15));
        assertEquals(0x8877665544332211L, memory.getLong(8));
        memory.setShort(20, (short) 0xBEEF);
        assertEquals((short) 0xBEEF, memory.getShort(20));
        assertEquals((byte) 0xEF, memory.getByte(20));
        memory.setInt(24, -2);
        assertEquals(-2, memory.getInt(24));
        assertEquals(0xFFFFFFFEL, memory.getLong(24), "an int's sign does not spill into the next bytes");
        memory.setLong(32, -1L >>> 1);
        assertEquals(Long.MAX_VALUE, memory.getLong(32));
        assertEquals(0xFFFFFFFFL, memory.getLong(32) & 0xFFFFFFFFL);
    }

    @Test
    void containsTreatsPointersAsUnsigned() {
        assertTrue(memory.contains(0, 64));
        assertTrue(memory.contains(64, 0));
        assertTrue(memory.contains(60, 4));
        assertFalse(memory.contains(61, 4));
        assertFalse(memory.contains(65, 0));
        assertFalse(memory.contains(-1, 1), "0xFFFFFFFF is past the end, not before the start");
        assertFalse(memory.contains(Integer.MIN_VALUE, 0));
        assertFalse(memory.contains(0, -1));
        assertFalse(memory.contains(0, Long.MAX_VALUE));
        assertFalse(memory.contains(-1, Long.MAX_VALUE));
    }

    @Test
    void bulkCopiesGoBothWays() {
        memory.write(10, new byte[] {9, 1, 2, 3, 9}, 1, 3);
        byte[] back = new byte[5];
        memory.read(9, back, 1, 4);
        assertArrayEquals(new byte[] {0, 0, 1, 2, 3}, back);
    }
}
