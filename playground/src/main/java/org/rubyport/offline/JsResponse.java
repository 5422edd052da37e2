package org.rubyport.offline;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/** A fetch Response. */
interface JsResponse extends JSObject {
    @JSProperty
    int getStatus();
}
