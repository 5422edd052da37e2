package org.rubyport.offline;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/** A fetch Request. */
interface JsRequest extends JSObject {
    @JSProperty
    String getMethod();

    @JSProperty
    String getUrl();
}
