package org.rubyport.offline;

import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;

/** An install or activate event, kept alive until a promise settles. */
interface ExtendableEvent extends JSObject {
    void waitUntil(JSPromise<?> promise);
}
