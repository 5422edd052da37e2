package org.rubyport.wasi;

/** One guest buffer of a scatter/gather list (struct iovec / ciovec). */
record Iovec(int ptr, int len) {
    static final int SIZE = 8;
    /**
     * The most one call moves, as Linux's MAX_RW_COUNT: a memory past 2 GiB can hold buffers whose lengths
     * do not fit an int, and a shorter transfer than asked is what read(2) and write(2) may always do.
     */
    static final int MAX_TRANSFER = 0x7ffff000;

    /**
     * Reads count iovecs at ptr, each checked to lie in memory (EFAULT otherwise), with lengths cut so
     * that together they move at most {@link #MAX_TRANSFER} bytes.
     */
    static Iovec[] readAll(GuestMemory memory, int ptr, int count) throws WasiException {
        if (count < 0 || !memory.contains(ptr, (double) count * SIZE)) {
            throw Errno.FAULT.error();
        }
        Iovec[] result = new Iovec[count];
        int left = MAX_TRANSFER;
        for (int i = 0; i < count; i++) {
            int buf = memory.getInt(ptr + i * SIZE);
            double len = GuestMemory.unsigned(memory.getInt(ptr + i * SIZE + 4));
            if (!memory.contains(buf, len)) {
                throw Errno.FAULT.error();
            }
            int taken = (int) Math.min(len, left);
            left -= taken;
            result[i] = new Iovec(buf, taken);
        }
        return result;
    }

    /** Total bytes of all buffers. */
    static long total(Iovec[] iovs) {
        long sum = 0;
        for (Iovec iov : iovs) {
            sum += iov.len;
        }
        return sum;
    }
}
