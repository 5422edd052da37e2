package org.rubyport.wasi;

import org.rubyport.wasi.vfs.FileNode;
import org.rubyport.wasi.vfs.Filetype;

/** A standard stream: reads from an {@link InputSource} or writes to an {@link OutputSink}. */
final class StreamFd extends Fd {
    private final InputSource input;
    private final OutputSink output;

    StreamFd(InputSource input, OutputSink output) {
        super(Rights.STREAM, 0);
        this.input = input;
        this.output = output;
    }

    @Override byte filetype() {
        return Filetype.CHARACTER_DEVICE;
    }

    @Override long read(GuestMemory memory, Iovec[] iovs) throws WasiException {
        if (input == null) {
            throw Errno.BADF.error();
        }
        long total = 0;
        for (Iovec iov : iovs) {
            if (iov.len() == 0) {
                continue;
            }
            byte[] chunk = new byte[iov.len()];
            int n = input.read(chunk, 0, chunk.length);
            memory.write(iov.ptr(), chunk, 0, n);
            total += n;
            // A short read means the source has no more for now; don't block again.
            if (n < iov.len()) {
                break;
            }
        }
        return total;
    }

    @Override long write(GuestMemory memory, Iovec[] iovs) throws WasiException {
        if (output == null) {
            throw Errno.BADF.error();
        }
        long total = Iovec.total(iovs);
        if (total > FileNode.MAX_SIZE) {
            throw Errno.INVAL.error();
        }
        byte[] bytes = new byte[(int) total];
        int at = 0;
        for (Iovec iov : iovs) {
            memory.read(iov.ptr(), bytes, at, iov.len());
            at += iov.len();
        }
        output.write(bytes, 0, bytes.length);
        return total;
    }
}
