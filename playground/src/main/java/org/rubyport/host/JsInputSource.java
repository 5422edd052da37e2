package org.rubyport.host;

import org.rubyport.wasi.InputSource;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * Standard input from a JavaScript callback. Pending output is passed on first, so that a prompt
 * written without a newline shows before the guest blocks for an answer.
 */
final class JsInputSource implements InputSource {
    private final StdinCallback callback;
    private final Runnable beforeRead;

    JsInputSource(StdinCallback callback, Runnable beforeRead) {
        this.callback = callback;
        this.beforeRead = beforeRead;
    }

    @Override public int read(byte[] dst, int off, int len) {
        beforeRead.run();
        Int8Array bytes = callback.read(len);
        if (bytes == null) {
            return 0;
        }
        int n = Math.min(bytes.getLength(), len);
        System.arraycopy(bytes.copyToJavaArray(), 0, dst, off, n);
        return n;
    }
}
