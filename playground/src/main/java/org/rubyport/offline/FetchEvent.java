package org.rubyport.offline;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSPromise;

/** A service worker's fetch event. */
interface FetchEvent extends JSObject {
    @JSProperty
    JsRequest getRequest();

    void respondWith(JSPromise<JsResponse> response);
}
