package org.rubyport.host;

import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Int8Array;

/** A JavaScript function giving up to max bytes of input; null or empty means end of input. May block. */
@JSFunctor
interface StdinCallback extends JSObject {
    Int8Array read(int max);
}
