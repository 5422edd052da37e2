package org.rubyport.host;

import static org.rubyport.wasi.GuestMemory.unsigned;

import org.rubyport.wasi.GuestMemory;
import org.rubyport.wasi.WasiException;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * Guest memory over a WebAssembly.Memory. Views are rebuilt by {@link #refresh} when memory has grown,
 * which the exports call once per WASI call: the guest cannot grow memory while the host runs. Guest
 * addresses are unsigned: one above 2 GiB arrives as a negative int, so every access goes through
 * {@link GuestMemory#unsigned}, or typed arrays would count it from their end.
 */
final class JsGuestMemory implements GuestMemory {
    private static final JSObject UTF8 = strictDecoder();

    private final WasmMemory memory;
    private ArrayBuffer buffer;
    private GuestView view;
    private Int8Array bytes;
    private boolean shared;

    JsGuestMemory(WasmMemory memory) {
        this.memory = memory;
        refresh();
    }

    /** Rebuilds the views if the guest grew its memory since the last call. */
    void refresh() {
        ArrayBuffer current = memory.getBuffer();
        if (current != buffer) {
            buffer = current;
            view = dataView(current);
            bytes = new Int8Array(current);
            shared = isShared(current);
        }
    }

    @Override public double size() {
        return view.getByteLength();
    }

    @Override public byte getByte(int ptr) {
        return view.getInt8(unsigned(ptr));
    }

    @Override public void setByte(int ptr, byte value) {
        view.setInt8(unsigned(ptr), value);
    }

    @Override public short getShort(int ptr) {
        return view.getInt16(unsigned(ptr), true);
    }

    @Override public void setShort(int ptr, short value) {
        view.setInt16(unsigned(ptr), value, true);
    }

    @Override public int getInt(int ptr) {
        return view.getInt32(unsigned(ptr), true);
    }

    @Override public void setInt(int ptr, int value) {
        view.setInt32(unsigned(ptr), value, true);
    }

    @Override public long getLong(int ptr) {
        return view.getBigInt64(unsigned(ptr), true);
    }

    @Override public void setLong(int ptr, long value) {
        view.setBigInt64(unsigned(ptr), value, true);
    }

    /**
     * Decodes with the browser's TextDecoder, straight from guest memory: TeaVM's own char[]-to-String
     * step (String.fromCharCode.apply) was the single largest cost of a path lookup in Chromium. A shared
     * memory, which TextDecoder refuses, is decoded in Java instead.
     */
    @Override public String readUtf8(int ptr, int len, byte[] scratch) throws WasiException {
        String text = shared ? null : decodeUtf8(UTF8, bytes, unsigned(ptr), len);
        if (text != null) {
            return text;
        }
        return GuestMemory.super.readUtf8(ptr, len, scratch); // shared memory, or malformed: EILSEQ there
    }

    @Override public void read(int ptr, byte[] dst, int off, int len) {
        copy(bytes, unsigned(ptr), dst, off, len);
    }

    @Override public void write(int ptr, byte[] src, int off, int len) {
        copyIn(src, off, bytes, unsigned(ptr), len);
    }

    /** The text, or null when the bytes are not well-formed UTF-8 (a leading BOM is kept: it is part of a name). */
    @JSBody(params = { "decoder", "guest", "ptr", "len" },
            script = "try { return decoder.decode(guest.subarray(ptr, ptr + len)); } catch (e) { return null; }")
    private static native String decodeUtf8(JSObject decoder, Int8Array guest, double ptr, int len);

    @JSBody(params = "buffer", script = "return new DataView(buffer);")
    private static native GuestView dataView(ArrayBuffer buffer);

    @JSBody(script = "return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });")
    private static native JSObject strictDecoder();

    @JSBody(params = { "buffer" }, script = "return typeof SharedArrayBuffer !== 'undefined' && buffer instanceof SharedArrayBuffer;")
    private static native boolean isShared(ArrayBuffer buffer);

    /** Copies guest bytes into a Java array without per-byte work: a byte[] is an Int8Array under TeaVM. */
    @JSBody(params = { "guest", "ptr", "dst", "off", "len" }, script = "dst.set(guest.subarray(ptr, ptr + len), off);")
    private static native void copy(Int8Array guest, double ptr, @JSByRef byte[] dst, int off, int len);

    @JSBody(params = { "src", "off", "guest", "ptr", "len" }, script = "guest.set(src.subarray(off, off + len), ptr);")
    private static native void copyIn(@JSByRef byte[] src, int off, Int8Array guest, double ptr, int len);
}
