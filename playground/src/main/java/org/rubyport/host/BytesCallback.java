package org.rubyport.host;

import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Int8Array;

/** A JavaScript function that receives output bytes. */
@JSFunctor
interface BytesCallback extends JSObject {
    void call(Int8Array bytes);
}
