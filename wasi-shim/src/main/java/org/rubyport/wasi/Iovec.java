package org.rubyport.wasi;

/** One guest buffer of a scatter/gather list (struct iovec / ciovec). */
record Iovec(int ptr, int len) {
    static final int SIZE = 8;

    /** Reads count iovecs at ptr, each checked to lie in memory; EFAULT otherwise. */
    static Iovec[] readAll(GuestMemory memory, int ptr, int count) throws WasiException {
        if (count < 0 || !memory.contains(ptr, (double) count * SIZE)) {
            throw Errno.FAULT.error();
        }
        Iovec[] result = new Iovec[count];
        for (int i = 0; i < count; i++) {
            int buf = memory.getInt(ptr + i * SIZE);
            int len = memory.getInt(ptr + i * SIZE + 4);
            if (!memory.contains(buf, GuestMemory.unsigned(len))) {
                throw Errno.FAULT.error();
            }
            result[i] = new Iovec(buf, len);
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
