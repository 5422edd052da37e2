package org.rubyport.offline;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/** A fetch Request. */
interface JsRequest extends JSObject {
    @JSProperty
    String getMethod();

    @JSProperty
    String getUrl();

    /** "navigate" when the browser loads a page for a tab or frame. */
    @JSProperty
    String getMode();
}
