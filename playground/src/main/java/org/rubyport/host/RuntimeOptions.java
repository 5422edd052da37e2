package org.rubyport.host;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/** The options object JavaScript passes to {@code create}: {args, env, stdout, stderr}. */
interface RuntimeOptions extends JSObject {
    @JSProperty
    String[] getArgs();

    /** Entries as "NAME=value". */
    @JSProperty
    String[] getEnv();

    @JSProperty
    TextCallback getStdout();

    @JSProperty
    TextCallback getStderr();
}
