package org.rubyport.host;

import java.util.Arrays;
import org.rubyport.wasi.OutputSink;
import org.rubyport.wasi.Utf8;

/**
 * Turns a guest's output bytes into text, passed on a whole number of lines at a time so that a UTF-8
 * sequence is never split ('\n' never occurs inside one). {@link #flush} passes on the rest.
 */
final class LineSink implements OutputSink {
    private final TextCallback callback;
    private byte[] pending = new byte[256];
    private int length;

    LineSink(TextCallback callback) {
        this.callback = callback;
    }

    @Override public void write(byte[] bytes, int off, int len) {
        if (length + len > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(length + len, pending.length * 2));
        }
        System.arraycopy(bytes, off, pending, length, len);
        length += len;
        int lastNewline = -1;
        for (int i = length - 1; i >= length - len; i--) {
            if (pending[i] == '\n') {
                lastNewline = i;
                break;
            }
        }
        if (lastNewline >= 0) {
            emit(lastNewline + 1);
        }
    }

    /** Passes on whatever is left, such as a last line without a newline. */
    void flush() {
        if (length > 0) {
            emit(length);
        }
    }

    private void emit(int count) {
        String text = Utf8.decodeLenient(pending, 0, count);
        System.arraycopy(pending, count, pending, 0, length - count);
        length -= count;
        callback.call(text);
    }
}
