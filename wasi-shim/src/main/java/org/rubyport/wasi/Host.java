package org.rubyport.wasi;

/** What the runtime needs from its host apart from memory and files: entropy and a way to wait. */
public interface Host {
    /** Fills bytes with cryptographically secure random values. */
    void randomBytes(byte[] bytes);

    /** Blocks the guest for about nanos nanoseconds (poll_oneoff with a clock subscription). */
    void sleep(long nanos);
}
