package org.rubyport.wasi.vfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rubyport.wasi.Errno;
import org.rubyport.wasi.WasiException;

class FileNodeTest {
    private final FileNode file = new FileNode(7, 100, new FileSpace(FileSpace.DEFAULT_LIMIT));

    /** Appends data the way FileFd does: reserve, copy into bytes(), record. */
    private void append(byte[] data, long now) throws WasiException {
        long end = file.size() + data.length;
        file.reserve(end);
        System.arraycopy(data, 0, file.bytes(), (int) file.size(), data.length);
        file.wrote(end, now);
    }

    @Test
    void startsEmpty() {
        assertEquals(0, file.size());
        assertEquals(0, file.content().length);
        assertEquals(Filetype.REGULAR_FILE, file.filetype());
        assertEquals(0, file.nlink(), "no name links it yet");
        assertEquals(100, file.mtim());
    }

    @Test
    void sixteenMebibytesInFourKibibyteChunksReallocateLogarithmically() throws WasiException {
        byte[] chunk = new byte[4096];
        // Counts replacements by identity without keeping old arrays alive.
        byte[] last = file.bytes();
        int reallocations = 0;
        int chunks = (16 << 20) / chunk.length;
        for (int i = 0; i < chunks; i++) {
            chunk[0] = (byte) i;
            append(chunk, i);
            if (file.bytes() != last) {
                last = file.bytes();
                reallocations++;
            }
        }
        assertEquals(16 << 20, file.size());
        // Doubling from 4 KiB to 16 MiB takes 13 arrays; one per write or so would be quadratic.
        assertTrue(reallocations < 40, reallocations + " reallocations for " + chunks + " writes");
        assertEquals((byte) 77, file.content()[77 * 4096]);
        assertEquals(chunks - 1, file.mtim());
    }

    @Test
    void reserveKeepsTheSizeAndTheData() throws WasiException {
        append(new byte[] {1, 2, 3}, 1);
        byte[] before = file.bytes();
        file.reserve(2);
        assertSame(before, file.bytes(), "no growth needed");
        file.reserve(1000);
        assertNotSame(before, file.bytes());
        assertEquals(3, file.size());
        assertArrayEquals(new byte[] {1, 2, 3}, file.content());
    }

    @Test
    void setSizeTruncatesAndZeroExtends() throws WasiException {
        append(new byte[] {1, 2, 3, 4, 5}, 1);
        file.setSize(2, 50);
        assertArrayEquals(new byte[] {1, 2}, file.content());
        assertEquals(50, file.mtim());
        assertEquals(50, file.ctim());
        file.setSize(4, 60);
        assertArrayEquals(new byte[] {1, 2, 0, 0}, file.content(), "bytes cut off earlier do not come back");
        file.wrote(3, 70);
        assertEquals(4, file.size(), "wrote never shrinks");
    }

    @Test
    void tooLargeIsFbigAndChangesNothing() throws WasiException {
        append(new byte[] {1}, 1);
        WasiException e = assertThrows(WasiException.class, () -> file.reserve(FileNode.MAX_SIZE + 1));
        assertEquals(Errno.FBIG, e.errno);
        e = assertThrows(WasiException.class, () -> file.setSize(Long.MAX_VALUE, 2));
        assertEquals(Errno.FBIG, e.errno);
        assertEquals(1, file.size());
        assertEquals(1, file.mtim());
    }

    @Test
    void setContentCopiesAndContentCopies() {
        byte[] data = {4, 5, 6};
        file.setContent(data, 9);
        data[0] = 0;
        byte[] out = file.content();
        assertArrayEquals(new byte[] {4, 5, 6}, out);
        out[1] = 0;
        assertArrayEquals(new byte[] {4, 5, 6}, file.content());
        assertEquals(9, file.mtim());
    }
}
