package org.rubyport.host;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.typedarrays.ArrayBuffer;

/** A WebAssembly.Memory; its buffer is replaced whenever the guest grows memory. */
interface WasmMemory extends JSObject {
    @JSProperty
    ArrayBuffer getBuffer();
}
