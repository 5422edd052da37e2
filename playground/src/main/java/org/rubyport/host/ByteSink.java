package org.rubyport.host;

import java.util.Arrays;
import org.rubyport.wasi.OutputSink;
import org.teavm.jso.typedarrays.Int8Array;

/** Passes each write's bytes on as they are, a copy per write: output that is not text, such as an image. */
final class ByteSink implements OutputSink {
    private final BytesCallback callback;

    ByteSink(BytesCallback callback) {
        this.callback = callback;
    }

    @Override public void write(byte[] bytes, int off, int len) {
        if (len > 0) {
            callback.call(Int8Array.fromJavaArray(Arrays.copyOfRange(bytes, off, off + len)));
        }
    }
}
