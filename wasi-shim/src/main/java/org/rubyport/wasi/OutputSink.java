package org.rubyport.wasi;

/** Where a guest's stdout or stderr bytes go. */
@FunctionalInterface
public interface OutputSink {
    void write(byte[] bytes, int off, int len);
}
