package org.rubyport.host;

import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** A JavaScript function that receives decoded output text. */
@JSFunctor
interface TextCallback extends JSObject {
    void call(String text);
}
