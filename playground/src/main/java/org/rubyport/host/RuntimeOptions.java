package org.rubyport.host;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/**
 * The options object JavaScript passes to {@code create}: {args, env, preopens, stdin, stdout, stderr,
 * writeThrough, outputBytes, fileSpace}.
 */
interface RuntimeOptions extends JSObject {
    @JSProperty
    String[] getArgs();

    /** Entries as "NAME=value". */
    @JSProperty
    String[] getEnv();

    /** Guest paths of the preopened directories, "/" for the root; others are created under the root. */
    @JSProperty
    String[] getPreopens();

    @JSProperty
    StdinCallback getStdin();

    @JSProperty
    TextCallback getStdout();

    @JSProperty
    TextCallback getStderr();

    /** The same stdout and stderr functions as called with outputBytes: with bytes, not text. */
    @JSProperty("stdout")
    BytesCallback getStdoutBytes();

    @JSProperty("stderr")
    BytesCallback getStderrBytes();

    /** Whether stdout and stderr get each write's bytes rather than text. */
    @JSProperty
    boolean getOutputBytes();

    /** Whether each write reaches stdout/stderr at once, rather than whole lines at a time. */
    @JSProperty
    boolean getWriteThrough();

    /** Bytes the guest's files may take (see FileSpace); negative for the default. */
    @JSProperty
    double getFileSpace();
}
