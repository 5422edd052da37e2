package org.rubyport.host;

import java.util.Arrays;
import org.rubyport.wasi.OutputSink;
import org.rubyport.wasi.Utf8;

/**
 * Turns a guest's output bytes into text, passed on a whole number of lines at a time so that a UTF-8
 * sequence is never split ('\n' never occurs inside one). {@link #flush} passes on the rest. Written
 * through, each write is passed on at once instead, up to its last whole UTF-8 sequence. Two sinks
 * paired with {@link #pairWith} keep their order: a write to one first passes on the other's unfinished line.
 */
final class LineSink implements OutputSink {
    private final TextCallback callback;
    private final boolean writeThrough;
    private byte[] pending = new byte[256];
    private int length;
    /** The other stream of the pair, or null. */
    private LineSink other;

    LineSink(TextCallback callback, boolean writeThrough) {
        this.callback = callback;
        this.writeThrough = writeThrough;
    }

    /** Pairs stdout and stderr, so that `$stderr.print "a"; puts "b"` shows a before b, as a terminal does. */
    void pairWith(LineSink sink) {
        other = sink;
        sink.other = this;
    }

    @Override public void write(byte[] bytes, int off, int len) {
        if (other != null && other.length > 0) {
            other.passOnWholeSequences();
        }
        if (length + len > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(length + len, pending.length * 2));
        }
        System.arraycopy(bytes, off, pending, length, len);
        length += len;
        if (writeThrough) {
            passOnWholeSequences();
            return;
        }
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

    private void passOnWholeSequences() {
        int whole = wholeSequences();
        if (whole > 0) {
            emit(whole);
        }
    }

    /** How many pending bytes end with a whole UTF-8 sequence: all but a lead byte's unfinished tail. */
    private int wholeSequences() {
        for (int i = length - 1; i >= 0 && i >= length - 4; i--) {
            int b = pending[i] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue; // a continuation byte: its lead is further back
            }
            int size = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return i + size <= length ? length : i;
        }
        return length; // no lead byte in reach: malformed, passed on as it is
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
