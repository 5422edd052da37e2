package org.rubyport.wasi;

/** Where a guest's stdin bytes come from. */
@FunctionalInterface
public interface InputSource {
    /** Reads up to len bytes into dst at off; returns the count, 0 at end of input. May block. */
    int read(byte[] dst, int off, int len);

    /** An input that is always at its end. */
    InputSource EMPTY = (dst, off, len) -> 0;
}
